import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openStorage } from '../../../server/store/db';
import type { Storage } from '../../../server/store/db';
import { SCHEMA_STEPS } from '../../../server/store/migrations';
import { AlertStore } from '../../../server/store/alert-store';
import { PortfolioAccountStore } from '../../../server/store/portfolio-account-store';
import { PricingStore } from '../../../server/store/pricing-store';
import { SessionStore } from '../../../server/store/session-store';
import { TransactionStore } from '../../../server/store/transaction-store';
import { UserStore } from '../../../server/store/user-store';
import { ConnectionStore } from '../../../server/store/connection-store';
import { ApiTokenStore } from '../../../server/store/api-token-store';
import { ChannelStore } from '../../../server/store/channel-store';
import { DeliveryStore } from '../../../server/store/delivery-store';
import { testMessage } from '../../../server/alerts/channels/message';
import { createKeyRing } from '../../../server/secrets/key-ring';
import { ValueHistoryStore } from '../../../server/store/value-history-store';
import { WatchlistStore } from '../../../server/store/watchlist-store';
import { LEGACY_MIGRATIONS, legacyDatabase } from '../../support/legacy-sqlite';
import { ENGINES, engineAvailable, useDatabases } from '../../support/storage';

const TABLES = [
  'alert_channels',
  'alert_deliveries',
  'alert_targets',
  'alerts',
  'api_tokens',
  'asset_pricing',
  'exchange_connections',
  'meta',
  'portfolio_accounts',
  'portfolio_daily_values',
  'portfolio_values',
  'sessions',
  'transactions',
  'user_watchlist',
  'users',
  'watchlist',
];

// SQLite says these primary keys take NULL (a TEXT one does, an old bug it keeps; users.id is the rowid, given
// when NULL); PostgreSQL's never do. No store ever leaves one NULL.
const NULL_KEYS = new Set([
  'alert_channels.id',
  'alert_deliveries.id',
  'alerts.id',
  'api_tokens.id',
  'exchange_connections.id',
  'meta.key',
  'portfolio_accounts.id',
  'sessions.token_hash',
  'transactions.id',
  'users.id',
  'watchlist.stream',
]);

/** Per table, its columns as name and whether they take NULL: what both engines must agree on. */
async function columns(storage: Storage) {
  const tables = await storage.db.introspection.getTables();
  const nullable = (table: string, column: { name: string; isNullable: boolean }) =>
    column.isNullable && !NULL_KEYS.has(`${table}.${column.name}`);
  return Object.fromEntries(
    tables
      .map(
        (t) => [t.name, t.columns.map((c) => `${c.name}${nullable(t.name, c) ? '?' : ''}`).sort()] as const,
      )
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

async function stepsRun(storage: Storage): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(
    storage.db,
  );
  return rows.map((r) => r.name);
}

const temporaryFile = () => join(mkdtempSync(join(tmpdir(), 'livefolio-schema-')), 'livefolio.db');

// The schema the releases before Kysely left (SQLite, user_version 8), read through the same introspection.
const legacyColumns = async () => {
  const file = temporaryFile();
  legacyDatabase(file, LEGACY_MIGRATIONS.length);
  const storage = await openStorage({ file });
  try {
    return await columns(storage);
  } finally {
    await storage.close();
  }
};

describe.each(ENGINES)('the schema on %s', (engine) => {
  const database = useDatabases(engine);

  describe.skipIf(!engineAvailable(engine))('migrations', () => {
    it('build every table from an empty database, with the columns of the releases before', async () => {
      const storage = await (await database()).open();
      const built = await columns(storage);
      expect(Object.keys(built)).toEqual(TABLES);
      expect(built).toEqual(await legacyColumns());
      expect(await stepsRun(storage)).toEqual(SCHEMA_STEPS.map((s) => s.name));
    });

    it('do nothing when run again, and the data stays', async () => {
      const db = await database();
      const first = await db.open();
      const alice = await new UserStore(first).create('alice', 'h', { isAdmin: true });
      const before = await stepsRun(first);
      await first.close();
      const again = await db.open();
      expect(await stepsRun(again)).toEqual(before);
      expect(await new UserStore(again).list()).toEqual([alice]);
    });

    it('refuse a database newer than this code, saying so', async () => {
      const db = await database();
      const storage = await db.open();
      await sql`insert into kysely_migration (name, timestamp) values ('999-future', 'x')`.execute(
        storage.db,
      );
      await storage.close();
      await expect(openStorage(db.target)).rejects.toThrow(
        `has schema version ${SCHEMA_STEPS.length + 1}, newer than this Livefolio knows (${SCHEMA_STEPS.length})`,
      );
    });

    it("delete every row of a user's with the user", async () => {
      const storage = await (await database()).open();
      const users = new UserStore(storage);
      const gone = (await users.create('gone', 'h', { isAdmin: false }))?.id ?? -1;
      const kept = (await users.create('kept', 'h', { isAdmin: false }))?.id ?? -1;
      for (const id of [gone, kept]) {
        await new SessionStore(storage, 1_000).create(id);
        await new WatchlistStore(storage).add(id, 'binance:BTC/USDT');
        const [main] = await new PortfolioAccountStore(storage).list(id);
        await new TransactionStore(storage).insert(id, [
          {
            account: main?.id ?? '',
            type: 'buy',
            asset: 'BTC',
            quantity: '1',
            price: '1',
            quoteCurrency: 'USDT',
            fee: '0',
            feeCurrency: 'USDT',
            time: '2100-01-01T00:00:00.000Z',
            timeMs: 4_102_444_800_000,
          },
        ]);
        await new ValueHistoryStore(storage).record(id, { timeMs: 1, currency: 'USDT', value: '1' }, 10);
        await new ValueHistoryStore(storage).replaceDaily(id, [{ timeMs: 1, currency: 'USDT', value: '1' }]);
        await new PricingStore(storage).set(id, { BTC: 'kraken' });
        await new ApiTokenStore(storage).create(id, { name: 'script', scope: 'read', expiresAt: null });
        const channel = await new ChannelStore(storage, createKeyRing(randomBytes(32))).insert(id, {
          name: 'hook',
          spec: { kind: 'webhook', config: { url: 'https://hooks.example.org/' } },
          secret: 'whsec_test',
        });
        await new DeliveryStore(storage).enqueue(id, [channel.id], testMessage(1), null);
        await new AlertStore(storage).insert(
          id,
          { kind: 'price', stream: 'binance:BTC/USDT', condition: 'above', price: '1', note: null },
          [channel.id],
        );
        await new ConnectionStore(storage, createKeyRing(randomBytes(32))).insert(storage.db, id, {
          accountId: main?.id ?? '',
          exchange: 'binance',
          credentials: { apiKey: 'key', secret: 'secret' },
          permissions: { read: true, trade: false, withdraw: false, warnings: [] },
        });
      }
      await storage.db.deleteFrom('users').where('id', '=', gone).execute();
      // An alert's channels go with the alert (and with the channel): no user id of their own.
      const targets = await storage.db
        .selectFrom('alert_targets')
        .innerJoin('alerts', 'alerts.id', 'alert_targets.alert_id')
        .select('alerts.user_id')
        .execute();
      expect(targets.map((t) => t.user_id)).toEqual([kept]);
      expect(await storage.db.selectFrom('alert_targets').selectAll().execute()).toHaveLength(1);
      for (const table of TABLES.filter(
        (t) => !['users', 'watchlist', 'meta', 'alert_targets'].includes(t),
      )) {
        const owners = await storage.db
          .selectFrom(table as 'sessions')
          .select('user_id')
          .execute();
        expect({ table, owners: owners.map((o) => o.user_id) }).toEqual({ table, owners: [kept] });
      }
    });
  });
});

describe('SQLite files from before Kysely (PRAGMA user_version)', () => {
  const files: Storage[] = [];
  afterEach(async () => {
    for (const storage of files.splice(0)) await storage.close();
  });
  const open = async (file: string) => {
    const storage = await openStorage({ file });
    files.push(storage);
    return storage;
  };

  it.each(LEGACY_MIGRATIONS.map((_, i) => i + 1))(
    'are adopted at version %i: the steps they had are marked run, the rest run, nothing is lost',
    async (version) => {
      const file = temporaryFile();
      const users =
        version >= 2 ? "INSERT INTO users (username, password_hash, created_at) VALUES ('Old', 'h', 1);" : '';
      const transactions =
        version >= 3
          ? `INSERT INTO transactions VALUES ('t1', 1, 'buy', 'BTC', '0.000000000000000001', '1', 'USDT', '0',
               'USDT', '2020-01-01T00:00:00.000Z', 1577836800000, NULL, NULL, 1, 1, 1);`
          : '';
      legacyDatabase(
        file,
        version,
        `INSERT INTO watchlist VALUES ('binance:DOGE/USDT', 1, 0); ${users} ${transactions}`,
      );
      const storage = await open(file);
      expect(await stepsRun(storage)).toEqual(SCHEMA_STEPS.map((s) => s.name));
      expect(Object.keys(await columns(storage))).toEqual(TABLES);
      expect(
        (await storage.db.selectFrom('watchlist').select('stream').execute()).map((r) => r.stream),
      ).toEqual(['binance:DOGE/USDT']);
      if (version >= 2)
        expect((await new UserStore(storage).credentials('old'))?.user.quoteCurrency).toBe('USDT');
      if (version >= 3) {
        // The upgrade gave the user a "Main" account, and the transaction is in it.
        const [main, ...others] = await new PortfolioAccountStore(storage).list(1);
        expect([main?.name, main?.transactions, others]).toEqual(['Main', 1, []]);
        expect((await new TransactionStore(storage).list(1)).map((t) => [t.quantity, t.account])).toEqual([
          ['0.000000000000000001', main?.id],
        ]);
      }
      await storage.close();
      // Releases from before Kysely read only user_version: it says the file is at the newest version.
      const raw = new Database(file, { readonly: true });
      expect(raw.pragma('user_version', { simple: true })).toBe(SCHEMA_STEPS.length);
      raw.close();
    },
  );

  it('refuse a file whose user_version is newer than this code knows', async () => {
    const file = temporaryFile();
    legacyDatabase(file, LEGACY_MIGRATIONS.length);
    const raw = new Database(file);
    raw.pragma(`user_version = ${SCHEMA_STEPS.length + 1}`);
    raw.close();
    await expect(openStorage({ file })).rejects.toThrow(
      `${file} has schema version ${SCHEMA_STEPS.length + 1}, newer than this Livefolio knows (${SCHEMA_STEPS.length}).`,
    );
  });
});
