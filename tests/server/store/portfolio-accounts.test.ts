import { describe, expect, it } from 'vitest';
import type { Storage } from '../../../server/store/db';
import { PortfolioAccountStore } from '../../../server/store/portfolio-account-store';
import { TransactionStore } from '../../../server/store/transaction-store';
import { UserStore } from '../../../server/store/user-store';
import { databaseAtVersion } from '../../support/schema-version';
import { YEAR_2100, bookedTrade } from '../../support/fixtures';
import { ENGINES, engineAvailable, useDatabases } from '../../support/storage';

async function user(storage: Storage, name: string) {
  const id = (await new UserStore(storage).create(name, 'h', { isAdmin: false, now: YEAR_2100 }))?.id ?? -1;
  const main = (await new PortfolioAccountStore(storage).list(id))[0]?.id ?? '';
  return { id, main };
}

describe.each(ENGINES)('portfolio accounts on %s', (engine) => {
  const database = useDatabases(engine);
  const open = async () => (await database()).open();

  describe.skipIf(!engineAvailable(engine))('accounts', () => {
    it('[P8] a new user has one account, "Main", made together with the user', async () => {
      const storage = await open();
      const alice = await user(storage, 'alice');
      expect(await new PortfolioAccountStore(storage).list(alice.id)).toEqual([
        { id: alice.main, name: 'Main', kind: 'manual', createdAt: YEAR_2100, transactions: 0 },
      ]);
    });

    it('[P8] lists oldest first, even made in one millisecond, counting a transfer for both its accounts', async () => {
      const storage = await open();
      const alice = await user(storage, 'alice');
      const transactions = new TransactionStore(storage);
      const [ledger, kraken] = await transactions.change(alice.id, async (_mine, accounts) => [
        await accounts.insert({ name: 'Ledger', kind: 'manual' }, 5),
        await accounts.insert({ name: 'Kraken', kind: 'exchange' }, 5),
      ]);
      await transactions.insert(alice.id, [
        bookedTrade(alice.main),
        bookedTrade(alice.main, { type: 'transfer', toAccount: ledger?.id ?? '', timeMs: YEAR_2100 + 1 }),
      ]);
      const listed = await new PortfolioAccountStore(storage).list(alice.id);
      expect(listed.map((a) => [a.name, a.kind, a.transactions])).toEqual([
        ['Main', 'manual', 2],
        ['Ledger', 'manual', 1],
        ['Kraken', 'exchange', 0],
      ]);
      const inLedger = await transactions.list(alice.id, { account: ledger?.id ?? '' });
      expect(inLedger.map((t) => [t.type, t.account, t.toAccount])).toEqual([
        ['transfer', alice.main, ledger?.id],
      ]);
      expect(await transactions.list(alice.id, { account: kraken?.id ?? '' })).toEqual([]);
    });

    it('[P8] names are unique per user regardless of case, Unicode included, by the database itself', async () => {
      const storage = await open();
      const alice = await user(storage, 'alice');
      const bob = await user(storage, 'bob');
      const insert = (userId: number, name: string) =>
        new TransactionStore(storage).change(userId, (_mine, accounts) =>
          accounts.insert({ name, kind: 'manual' }),
        );
      await insert(alice.id, 'Ärzte');
      await expect(insert(alice.id, 'äRZTE')).rejects.toThrow();
      await expect(insert(alice.id, 'MAIN')).rejects.toThrow();
      await insert(bob.id, 'ärzte');
      expect((await new PortfolioAccountStore(storage).list(alice.id)).map((a) => a.name)).toEqual([
        'Main',
        'Ärzte',
      ]);
    });

    it("[A7] the database refuses a transaction booked in, or transferred to, another user's account", async () => {
      const storage = await open();
      const alice = await user(storage, 'alice');
      const bob = await user(storage, 'bob');
      const transactions = new TransactionStore(storage);
      await expect(transactions.insert(bob.id, [bookedTrade(alice.main)])).rejects.toThrow();
      await expect(
        transactions.insert(bob.id, [bookedTrade(bob.main, { type: 'transfer', toAccount: alice.main })]),
      ).rejects.toThrow();
      expect(await transactions.list(bob.id)).toEqual([]);
    });

    it('[P8] deleting an account deletes every transaction naming it, and nothing else', async () => {
      const storage = await open();
      const alice = await user(storage, 'alice');
      const transactions = new TransactionStore(storage);
      const ledger = await transactions.change(alice.id, (_mine, accounts) =>
        accounts.insert({ name: 'Ledger', kind: 'manual' }),
      );
      await transactions.insert(alice.id, [
        bookedTrade(alice.main, { note: 'kept' }),
        bookedTrade(alice.main, { type: 'transfer', toAccount: ledger.id, note: 'into' }),
        bookedTrade(ledger.id, { type: 'sell', quantity: '0.5', note: 'in' }),
      ]);
      expect(await transactions.change(alice.id, (_mine, accounts) => accounts.remove(ledger.id))).toBe(2);
      expect((await transactions.list(alice.id)).map((t) => t.note)).toEqual(['kept']);
      expect((await new PortfolioAccountStore(storage).list(alice.id)).map((a) => a.name)).toEqual(['Main']);
    });
  });

  describe.skipIf(!engineAvailable(engine))('the upgrade to accounts (schema version 9)', () => {
    it('gives every user a "Main" account holding all their transactions, and then requires an account', async () => {
      const db = await database();
      await databaseAtVersion(db.target, 8, async (old) => {
        await old
          .insertInto('users')
          .values([
            { username: 'alice', password_hash: 'h', created_at: 11 },
            { username: 'bob', password_hash: 'h', created_at: 22 },
          ])
          .execute();
        const { id } = await old
          .selectFrom('users')
          .select('id')
          .where('username', '=', 'alice')
          .executeTakeFirstOrThrow();
        const row = (tx: string, seq: number, type: string) => ({
          id: tx,
          user_id: id,
          type,
          asset: 'BTC',
          quantity: '0.5',
          price: '100',
          quote_currency: 'USDT',
          fee: '0',
          fee_currency: 'USDT',
          time: '2020-01-01T00:00:00.000Z',
          time_ms: 1_577_836_800_000 + seq,
          exchange: null,
          note: null,
          seq,
          created_at: 1,
          updated_at: 1,
        });
        await old
          .insertInto('transactions')
          .values([row('t1', 1, 'buy'), row('t2', 2, 'sell')])
          .execute();
      });
      const storage = await db.open();
      const users = await new UserStore(storage).list();
      const accounts = new PortfolioAccountStore(storage);
      const [alice, bob] = await Promise.all(users.map((u) => accounts.list(u.id)));
      expect(alice?.map((a) => [a.name, a.kind, a.createdAt, a.transactions])).toEqual([
        ['Main', 'manual', 11, 2],
      ]);
      expect(bob?.map((a) => [a.name, a.createdAt, a.transactions])).toEqual([['Main', 22, 0]]);
      const transactions = new TransactionStore(storage);
      const aliceId = users[0]?.id ?? -1;
      expect((await transactions.list(aliceId)).map((t) => [t.id, t.type, t.account, t.toAccount])).toEqual([
        ['t1', 'buy', alice?.[0]?.id, undefined],
        ['t2', 'sell', alice?.[0]?.id, undefined],
      ]);
      // The column is required now: a row without an account is refused by the database, one with it is not.
      const row = (id: string, account: string | null) => ({
        id,
        user_id: aliceId,
        type: 'buy' as const,
        asset: 'BTC',
        quantity: '1',
        price: '1',
        quote_currency: 'USDT',
        fee: '0',
        fee_currency: 'USDT',
        time: '2020-01-02T00:00:00.000Z',
        time_ms: 1_577_923_200_000,
        exchange: null,
        note: null,
        seq: 9,
        created_at: 1,
        updated_at: 1,
        account_id: account as string,
        to_account_id: null,
      });
      await expect(storage.db.insertInto('transactions').values(row('x', null)).execute()).rejects.toThrow();
      await storage.db
        .insertInto('transactions')
        .values(row('y', alice?.[0]?.id ?? ''))
        .execute();
    });
  });
});
