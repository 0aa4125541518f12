import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { startDemoExchange } from '../../../server/feeds/demo';
import type { DemoExchange } from '../../../server/feeds/demo';
import {
  DEMO_BINANCE_KEY,
  DEMO_BINANCE_SECRET,
  DEMO_BINANCE_TRADING_KEY,
  DEMO_BINANCE_TRADING_SECRET,
} from '../../../server/feeds/demo/binance-account';
import { memoryLimiters } from '../../../server/cluster/limiters';
import { createKeyRing } from '../../../server/secrets/key-ring';
import { ConnectionStore } from '../../../server/store/connection-store';
import type { Storage } from '../../../server/store/db';
import { PortfolioAccountStore } from '../../../server/store/portfolio-account-store';
import { TransactionStore } from '../../../server/store/transaction-store';
import { UserStore } from '../../../server/store/user-store';
import { exchangeOpener } from '../../../server/sync/exchange-client';
import { SyncService } from '../../../server/sync/sync-service';
import { ENGINES, engineAvailable, useDatabases } from '../../support/storage';

const MINUTE = 60_000;
const demos: DemoExchange[] = [];
afterEach(async () => {
  for (const demo of demos.splice(0)) await demo.close();
});

/** A sync service over real stores and the demo exchange, its clock and leadership in the test's hands. */
async function service(storage: Storage, secretKey = randomBytes(32)) {
  const demo = await startDemoExchange({ seed: 7, tickMs: 1000 });
  demos.push(demo);
  const clock = { now: Date.now(), leading: true };
  const transactions = new TransactionStore(storage);
  const connections = new ConnectionStore(storage, createKeyRing(secretKey));
  const sync = new SyncService({
    connections,
    transactions,
    accounts: new PortfolioAccountStore(storage),
    open: exchangeOpener([{ id: 'binance', url: demo.url, simulated: true }]),
    keyTests: memoryLimiters('key-test', 10, 600),
    syncRequests: memoryLimiters('sync-now', 5, 300),
    currency: async () => 'USDT',
    changed: () => {},
    log: pino({ level: 'silent' }),
    intervalMs: 15 * MINUTE,
    active: () => clock.leading,
    now: () => clock.now,
  });
  const userId = (await new UserStore(storage).create('alice', 'h', { isAdmin: false }))?.id ?? -1;
  return { demo, clock, sync, userId, transactions, connections };
}

const credentials = { apiKey: DEMO_BINANCE_KEY, secret: DEMO_BINANCE_SECRET };
const GERMAN = { language: 'de' as const, formatLocale: 'de-DE' };

describe.each(ENGINES)('exchange sync on %s', (engine) => {
  const database = useDatabases(engine);
  const open = async () => (await database()).open();

  describe.skipIf(!engineAvailable(engine))('sync', () => {
    it('[P9] syncs, stores the key sealed, and a second sync adds nothing', async () => {
      const storage = await open();
      const { sync, userId, transactions, demo } = await service(storage);
      const added = await sync.add(userId, { exchange: 'binance', name: 'Binance', credentials });
      await sync.settled(added.id);
      const [done] = await sync.list(userId);
      expect(done).toMatchObject({ state: 'ok', lastError: null, lastResult: { adjustments: 1 } });
      const count = (await transactions.list(userId)).length;
      expect(count).toBe((done?.lastResult?.added ?? 0) + 1);

      const row = await storage.db.selectFrom('exchange_connections').selectAll().executeTakeFirstOrThrow();
      const raw = JSON.stringify(row);
      expect(raw).not.toContain(DEMO_BINANCE_KEY.slice(8, 40));
      expect(raw).not.toContain(DEMO_BINANCE_SECRET.slice(8, 40));
      expect(row.key_hint).toBe(`••••${DEMO_BINANCE_KEY.slice(-4)}`);

      demo.account.addDeposit({ coin: 'USDT', amount: '100' });
      await sync.syncNow(userId, added.id);
      await sync.settled(added.id);
      expect((await transactions.list(userId)).length).toBe(count + 1);
      await sync.syncNow(userId, added.id);
      await sync.settled(added.id);
      expect((await sync.list(userId))[0]?.lastResult?.added).toBe(0);
      expect((await transactions.list(userId)).length).toBe(count + 1);
    }, 60_000);

    it('[P9] the schedule syncs a connection when it is due, and only where it runs (the feed leader)', async () => {
      const storage = await open();
      const { sync, userId, clock, demo } = await service(storage);
      const added = await sync.add(userId, { exchange: 'binance', name: 'Binance', credentials });
      await sync.settled(added.id);
      const first = (await sync.get(userId, added.id)).lastSyncAt;
      expect((await sync.get(userId, added.id)).nextSyncAt).toBe((first ?? 0) + 15 * MINUTE);

      demo.account.addDeposit({ coin: 'USDT', amount: '5' });
      clock.now += 14 * MINUTE;
      await sync.syncDue();
      expect((await sync.get(userId, added.id)).lastSyncAt).toBe(first);

      clock.now += 2 * MINUTE;
      clock.leading = false;
      await sync.syncDue();
      expect((await sync.get(userId, added.id)).lastSyncAt).toBe(first);

      clock.leading = true;
      await sync.syncDue();
      const later = await sync.get(userId, added.id);
      expect(later.lastSyncAt).toBe(clock.now);
      expect(later.lastResult?.added).toBe(1);
    }, 60_000);

    it('[P9][L6] a last error and a key’s warnings are stored by key: German for a German reader, English otherwise and for rows written before', async () => {
      const storage = await open();
      const { sync, userId, demo } = await service(storage);
      const added = await sync.add(userId, {
        exchange: 'binance',
        name: 'Binance',
        credentials: { apiKey: DEMO_BINANCE_TRADING_KEY, secret: DEMO_BINANCE_TRADING_SECRET },
      });
      await sync.settled(added.id);
      demo.account.faults.down();
      await sync.syncNow(userId, added.id);
      await sync.settled(added.id);
      const english = await sync.get(userId, added.id);
      expect(english.lastError).toMatchObject({
        code: 'EXCHANGE_UNAVAILABLE',
        message:
          'Binance could not be reached or is down (maintenance or an outage); nothing was changed. The next ' +
          'sync tries again.',
      });
      expect(english.warnings).toEqual([
        expect.stringMatching(/^This key can withdraw funds/),
        expect.stringMatching(/^This key can trade/),
      ]);
      const german = await sync.get(userId, added.id, GERMAN);
      expect(german.lastError?.message).toBe(
        'Binance war nicht erreichbar oder ist ausgefallen (Wartung oder Störung); es wurde nichts geändert. ' +
          'Die nächste Synchronisierung versucht es erneut.',
      );
      expect(german.warnings).toEqual([
        expect.stringMatching(/^Dieser Schlüssel kann Guthaben von Ihrem Konto bei Binance abheben\./),
        expect.stringMatching(/^Dieser Schlüssel kann auf Ihrem Konto bei Binance handeln\./),
      ]);
      expect(german.permissions).toEqual({ read: true, trade: true, withdraw: true });

      // As a version before L6 stored them: English only, and shown so.
      const old = { code: 'FAILED', message: 'The sync failed.', at: 1 };
      await storage.db
        .updateTable('exchange_connections')
        .set({
          last_error: JSON.stringify(old),
          permissions: JSON.stringify({ read: true, trade: true, withdraw: null, warnings: ['Trades.'] }),
        })
        .execute();
      expect(await sync.get(userId, added.id, GERMAN)).toMatchObject({
        lastError: old,
        warnings: ['Trades.'],
      });
    }, 60_000);

    it('[P9] a key sealed under an older master key is sealed again under the new one at start', async () => {
      const storage = await open();
      const oldKey = randomBytes(32);
      const { sync, userId } = await service(storage, oldKey);
      const added = await sync.add(userId, { exchange: 'binance', name: 'Binance', credentials });
      await sync.settled(added.id);
      const before = await storage.db
        .selectFrom('exchange_connections')
        .selectAll()
        .executeTakeFirstOrThrow();

      const newKey = randomBytes(32);
      const rotated = new ConnectionStore(storage, createKeyRing(newKey, [oldKey]));
      expect(await rotated.reencryptAll()).toBe(1);
      const after = await storage.db.selectFrom('exchange_connections').selectAll().executeTakeFirstOrThrow();
      expect(after.api_key).not.toBe(before.api_key);
      expect(after.secret).not.toBe(before.secret);
      // Only the new key is needed now.
      const onlyNew = new ConnectionStore(storage, createKeyRing(newKey));
      expect(await onlyNew.credentials(userId, added.id)).toEqual(credentials);
      expect(await rotated.reencryptAll()).toBe(0);

      // A key the server no longer has: the sync says so where the user looks.
      const lost = new ConnectionStore(storage, createKeyRing(randomBytes(32)));
      await expect(lost.credentials(userId, added.id)).rejects.toThrow(/SECRET_KEY_PREVIOUS/);
    }, 60_000);
  });
});
