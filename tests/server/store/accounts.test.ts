import { describe, expect, it } from 'vitest';
import { Accounts } from '../../../server/auth/accounts';
import { SessionStore } from '../../../server/store/session-store';
import { UserStore } from '../../../server/store/user-store';
import { WatchlistStore } from '../../../server/store/watchlist-store';
import { ENGINES, engineAvailable, useDatabases } from '../../support/storage';

// Past 2^31 ms and past 2^32: a time that fits no 32-bit integer (PostgreSQL keeps these in BIGINT).
const YEAR_2100 = 4_102_444_800_000;

describe.each(ENGINES)('accounts on %s', (engine) => {
  const database = useDatabases(engine);
  const open = async () => (await database()).open();

  describe.skipIf(!engineAvailable(engine))('users', () => {
    it('creates accounts with increasing ids; usernames are unique regardless of case', async () => {
      const users = new UserStore(await open());
      const alice = await users.create('Alice', 'hash-a', { isAdmin: true, now: YEAR_2100 });
      expect(alice).toEqual({
        id: expect.any(Number),
        username: 'Alice',
        isAdmin: true,
        createdAt: YEAR_2100,
        quoteCurrency: 'USDT',
      });
      expect(await users.create('alice', 'hash-b', { isAdmin: false })).toBeNull();
      expect(await users.create('ALICE', 'hash-b', { isAdmin: false })).toBeNull();
      const bob = await users.create('bob', 'hash-b', { isAdmin: false });
      expect(bob?.id).toBeGreaterThan(alice?.id ?? Infinity);
      expect(await users.count()).toBe(2);
      expect((await users.list()).map((u) => [u.username, u.isAdmin])).toEqual([
        ['Alice', true],
        ['bob', false],
      ]);
    });

    it('instances starting together on one database both make sure of the admin account: one account, no error', async () => {
      const db = await database();
      const instance = async () => {
        const storage = await db.open();
        return new Accounts({
          users: new UserStore(storage),
          sessions: new SessionStore(storage, 1_000),
          watchlist: new WatchlistStore(storage),
          defaultWatchlist: [],
        });
      };
      const [a, b] = await Promise.all([instance(), instance()]);
      const options = { isAdmin: true, resetPassword: false };
      const [one, two] = await Promise.all([
        a.ensure('alice', 'alice-password-1', options),
        b.ensure('alice', 'alice-password-1', options),
      ]);
      expect(one.id).toBe(two.id);
      expect((await a.users()).map((u) => u.username)).toEqual(['alice']);
    });

    it('finds credentials by any case of the name, and only then', async () => {
      const users = new UserStore(await open());
      const alice = await users.create('Alice', 'hash-a', { isAdmin: false });
      expect(await users.credentials('aLiCe')).toEqual({ user: alice, passwordHash: 'hash-a' });
      expect(await users.credentials('alic')).toBeNull();
      expect(await users.credentials('alice%')).toBeNull();
      expect(await users.byId(alice?.id ?? -1)).toEqual(alice);
      expect(await users.byId(9999)).toBeNull();
    });

    it('changes the password hash and the quote currency', async () => {
      const users = new UserStore(await open());
      const alice = await users.create('alice', 'old', { isAdmin: false });
      const id = alice?.id ?? -1;
      await users.setPassword(id, 'new');
      await users.setQuoteCurrency(id, 'EUR');
      expect(await users.credentials('alice')).toMatchObject({
        passwordHash: 'new',
        user: { quoteCurrency: 'EUR' },
      });
    });

    it('makes the first account only once (onlyIfNone), also when two setups race', async () => {
      const users = new UserStore(await open());
      const made = await Promise.all(
        ['root', 'eve', 'mallory'].map((name) =>
          users.create(name, 'h', { isAdmin: true, onlyIfNone: true }),
        ),
      );
      expect(made.filter((u) => u !== null)).toHaveLength(1);
      expect(await users.count()).toBe(1);
      expect(await users.create('later', 'h', { isAdmin: true, onlyIfNone: true })).toBeNull();
    });
  });

  describe.skipIf(!engineAvailable(engine))('sessions', () => {
    it('finds a session until it expires; times come back as numbers, bigints included', async () => {
      const storage = await open();
      const user = await new UserStore(storage).create('alice', 'h', { isAdmin: false });
      const sessions = new SessionStore(storage, 1_000);
      const { token, session } = await sessions.create(user?.id ?? -1, YEAR_2100);
      expect(session).toEqual({ id: expect.any(String), userId: user?.id, expiresAt: YEAR_2100 + 1_000 });
      const found = await sessions.find(token, YEAR_2100 + 999);
      expect(found).toEqual(session);
      expect(typeof found?.expiresAt).toBe('number');
      expect(await sessions.find(token, YEAR_2100 + 1_000)).toBeNull();
      expect(await sessions.find('another-token', YEAR_2100)).toBeNull();
    });

    it('ends a session once, and purges only the expired ones', async () => {
      const storage = await open();
      const userId = (await new UserStore(storage).create('alice', 'h', { isAdmin: false }))?.id ?? -1;
      const sessions = new SessionStore(storage, 1_000);
      const ended = await sessions.create(userId, 0);
      expect(await sessions.end(ended.token)).toEqual(ended.session);
      expect(await sessions.end(ended.token)).toBeNull();
      await sessions.create(userId, 0);
      await sessions.create(userId, 0);
      const kept = await sessions.create(userId, YEAR_2100);
      expect(await sessions.purgeExpired(5_000)).toBe(2);
      expect(await sessions.find(kept.token, YEAR_2100)).toEqual(kept.session);
    });
  });

  describe.skipIf(!engineAvailable(engine))('watchlists', () => {
    it('keeps each list in the order of adding; adding twice or removing what is absent changes nothing', async () => {
      const storage = await open();
      const users = new UserStore(storage);
      const alice = (await users.create('alice', 'h', { isAdmin: false }))?.id ?? -1;
      const bob = (await users.create('bob', 'h', { isAdmin: false }))?.id ?? -1;
      const lists = new WatchlistStore(storage);
      await lists.seedNewUser(alice, ['binance:BTC/USDT', 'binance:ETH/USDT']);
      await lists.seedNewUser(bob, ['binance:BTC/USDT']);
      expect(await lists.add(alice, 'kraken:SOL/USD')).toBe(true);
      expect(await lists.add(alice, 'kraken:SOL/USD')).toBe(false);
      expect(await lists.remove(alice, 'binance:BTC/USDT')).toBe(true);
      expect(await lists.remove(alice, 'binance:BTC/USDT')).toBe(false);
      expect(await lists.add(alice, 'binance:BTC/USDT')).toBe(true);
      expect(await lists.list(alice)).toEqual(['binance:ETH/USDT', 'kraken:SOL/USD', 'binance:BTC/USDT']);
      expect(await lists.list(bob)).toEqual(['binance:BTC/USDT']);
      expect((await lists.allStreams()).sort()).toEqual([
        'binance:BTC/USDT',
        'binance:ETH/USDT',
        'kraken:SOL/USD',
      ]);
    });
  });
});
