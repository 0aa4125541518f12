import { describe, expect, it } from 'vitest';
import { MarketState } from '../../../server/market/market-state';
import { PortfolioService } from '../../../server/portfolio/portfolio-service';
import type { Storage } from '../../../server/store/db';
import { PortfolioAccountStore } from '../../../server/store/portfolio-account-store';
import { PricingStore } from '../../../server/store/pricing-store';
import { TransactionStore } from '../../../server/store/transaction-store';
import { UserStore } from '../../../server/store/user-store';
import { ValueHistoryStore } from '../../../server/store/value-history-store';
import { YEAR_2100, bookedTrade } from '../../support/fixtures';
import { ENGINES, engineAvailable, useDatabases } from '../../support/storage';

async function withUsers(storage: Storage) {
  const users = new UserStore(storage);
  const alice = (await users.create('alice', 'h', { isAdmin: false }))?.id ?? -1;
  const bob = (await users.create('bob', 'h', { isAdmin: false }))?.id ?? -1;
  const main = async (id: number) => (await new PortfolioAccountStore(storage).list(id))[0]?.id ?? '';
  return { alice, bob, aliceMain: await main(alice), bobMain: await main(bob) };
}

describe.each(ENGINES)('portfolio storage on %s', (engine) => {
  const database = useDatabases(engine);
  const open = async () => (await database()).open();

  describe.skipIf(!engineAvailable(engine))('transactions', () => {
    it('keeps amounts exactly as the decimal strings given, far beyond a float', async () => {
      const storage = await open();
      const { alice, aliceMain } = await withUsers(storage);
      const store = new TransactionStore(storage);
      const exact = bookedTrade(aliceMain, {
        quantity: '0.000000000000000001',
        price: '123456789012345678901234567890.123456789',
        fee: '0.1',
        note: 'exact',
        exchange: 'kraken',
      });
      const [stored] = await store.insert(alice, [exact]);
      expect(await store.list(alice)).toEqual([{ ...exact, id: stored?.id }]);
      expect((await store.get(alice, stored?.id ?? ''))?.timeMs).toBe(YEAR_2100);
    });

    it('lists by time, and transactions at the same time in the order entered, across inserts', async () => {
      const storage = await open();
      const { alice, aliceMain } = await withUsers(storage);
      const store = new TransactionStore(storage);
      await store.insert(alice, [
        bookedTrade(aliceMain, { note: 'b' }),
        bookedTrade(aliceMain, { note: 'c' }),
      ]);
      await store.insert(alice, [
        bookedTrade(aliceMain, { note: 'a', timeMs: YEAR_2100 - 1 }),
        bookedTrade(aliceMain, { note: 'd' }),
      ]);
      expect((await store.list(alice)).map((t) => t.note)).toEqual(['a', 'b', 'c', 'd']);
    });

    it("updates and deletes only the owner's transaction", async () => {
      const storage = await open();
      const { alice, bob, aliceMain } = await withUsers(storage);
      const store = new TransactionStore(storage);
      const [mine] = await store.insert(alice, [bookedTrade(aliceMain)]);
      const id = mine?.id ?? '';
      expect(await store.get(bob, id)).toBeNull();
      expect(await store.change(bob, (t) => t.update(id, bookedTrade(aliceMain, { quantity: '9' })))).toBe(
        false,
      );
      expect(await store.change(bob, (t) => t.remove(id))).toBe(false);
      expect(await store.change(alice, (t) => t.update(id, bookedTrade(aliceMain, { quantity: '2' })))).toBe(
        true,
      );
      expect((await store.get(alice, id))?.quantity).toBe('2');
      expect(await store.change(alice, (t) => t.remove(id))).toBe(true);
      expect(await store.list(alice)).toEqual([]);
    });

    it('stores all of a change or, when it throws, none of it; an import of thousands in one go', async () => {
      const storage = await open();
      const { alice, aliceMain } = await withUsers(storage);
      const store = new TransactionStore(storage);
      await expect(
        store.change(alice, async (mine) => {
          await mine.insert([bookedTrade(aliceMain)]);
          throw new Error('refused');
        }),
      ).rejects.toThrow('refused');
      expect(await store.list(alice)).toEqual([]);
      const many = Array.from({ length: 2_500 }, (_, i) => bookedTrade(aliceMain, { note: String(i) }));
      await store.insert(alice, many);
      const listed = await store.list(alice);
      expect(listed).toHaveLength(2_500);
      expect(listed.at(-1)?.note).toBe('2499');
    });

    it('[P2] of two sells of the whole holding at once, one is refused: the check and the write are one', async () => {
      const storage = await open();
      const { alice, aliceMain } = await withUsers(storage);
      const portfolio = new PortfolioService({
        transactions: new TransactionStore(storage),
        accounts: new PortfolioAccountStore(storage),
        market: new MarketState(),
        prices: { exchanges: () => ['binance'], hasMarket: () => false },
        choices: new PricingStore(storage),
        changed: () => {},
      });
      await portfolio.add(alice, [bookedTrade(aliceMain, { quantity: '1' })]);
      const sell = () =>
        portfolio.add(alice, [
          bookedTrade(aliceMain, { type: 'sell', quantity: '1', timeMs: YEAR_2100 + 1 }),
        ]);
      const results = await Promise.allSettled([sell(), sell(), sell()]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(results.find((r) => r.status === 'rejected')).toMatchObject({
        reason: { code: 'BAD_REQUEST' },
      });
      expect((await portfolio.list(alice)).map((t) => t.type)).toEqual(['buy', 'sell']);
    });
  });

  describe.skipIf(!engineAvailable(engine))('values', () => {
    it('records values, replacing one at the same time, and keeps the newest `keep`', async () => {
      const storage = await open();
      const { alice, bob } = await withUsers(storage);
      const values = new ValueHistoryStore(storage);
      for (let i = 0; i < 5; i++)
        await values.record(alice, { timeMs: YEAR_2100 + i, currency: 'USDT', value: `${i}.5` }, 3);
      await values.record(
        alice,
        { timeMs: YEAR_2100 + 4, currency: 'USDT', value: '0.000000000000000001' },
        3,
      );
      await values.record(bob, { timeMs: YEAR_2100, currency: 'USDT', value: '7' }, 3);
      expect(await values.list(alice, 'USDT')).toEqual([
        { timeMs: YEAR_2100 + 2, currency: 'USDT', value: '2.5' },
        { timeMs: YEAR_2100 + 3, currency: 'USDT', value: '3.5' },
        { timeMs: YEAR_2100 + 4, currency: 'USDT', value: '0.000000000000000001' },
      ]);
      expect(await values.list(bob, 'USDT')).toHaveLength(1);
    });

    it('serves the daily values from before the first recorded point, then the recorded ones', async () => {
      const storage = await open();
      const { alice } = await withUsers(storage);
      const values = new ValueHistoryStore(storage);
      const day = (n: number, value: string) => ({
        timeMs: YEAR_2100 + n * 86_400_000,
        currency: 'EUR',
        value,
      });
      await values.replaceDaily(alice, [day(-3, 'old'), day(0, 'gone')]);
      await values.replaceDaily(alice, [day(-2, '1'), day(-1, '2'), day(1, '3')]);
      await values.record(alice, day(0, 'recorded'), 10);
      expect(await values.history(alice, 'EUR')).toEqual([day(-2, '1'), day(-1, '2'), day(0, 'recorded')]);
      expect(await values.history(alice, 'USDT')).toEqual([]);
    });
  });

  describe.skipIf(!engineAvailable(engine))('pricing choices', () => {
    it('sets, replaces and clears choices per user', async () => {
      const storage = await open();
      const { alice, bob } = await withUsers(storage);
      const pricing = new PricingStore(storage);
      await pricing.set(alice, { BTC: 'kraken', ETH: 'binance' });
      await pricing.set(alice, { BTC: 'coinbase', ETH: null, SOL: null });
      await pricing.set(bob, { ETH: 'kraken' });
      expect(await pricing.list(alice)).toEqual({ BTC: 'coinbase' });
      expect(await pricing.list(bob)).toEqual({ ETH: 'kraken' });
    });
  });
});
