import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createKeyRing } from '../../../server/secrets/key-ring';
import { AlertStore } from '../../../server/store/alert-store';
import type { AlertSpec } from '../../../server/store/alert-store';
import { ChannelStore } from '../../../server/store/channel-store';
import type { Storage } from '../../../server/store/db';
import { UserStore } from '../../../server/store/user-store';
import { databaseAtVersion } from '../../support/schema-version';
import { ENGINES, engineAvailable, useDatabases } from '../../support/storage';

const YEAR_2100 = 4_102_444_800_000;
const STREAM = 'binance:BTC/USDT';

const price = (condition: 'above' | 'below', level: string, note: string | null = null): AlertSpec => ({
  kind: 'price',
  stream: STREAM,
  condition,
  price: level,
  note,
});

async function channel(storage: Storage, userId: number, name: string): Promise<string> {
  const channels = new ChannelStore(storage, createKeyRing(randomBytes(32)));
  const stored = await channels.insert(userId, {
    name,
    spec: { kind: 'ntfy', config: { url: `https://ntfy.example.org/${name}` } },
    secret: null,
  });
  return stored.id;
}

describe.each(ENGINES)('alerts on %s', (engine) => {
  const database = useDatabases(engine);

  describe.skipIf(!engineAvailable(engine))('the alert store', () => {
    it('lists a user’s alerts oldest first, counts them, and lists every waiting one', async () => {
      const storage = await (await database()).open();
      const users = new UserStore(storage);
      const alice = (await users.create('alice', 'h', { isAdmin: false }))?.id ?? -1;
      const bob = (await users.create('bob', 'h', { isAdmin: false }))?.id ?? -1;
      const alerts = new AlertStore(storage);
      const later = await alerts.insert(alice, price('above', '2'), [], YEAR_2100 + 1);
      const first = await alerts.insert(alice, price('below', '0.000000000000000001', 'dust'), [], YEAR_2100);
      await alerts.insert(bob, price('above', '3'), [], YEAR_2100);
      expect(await alerts.list(alice)).toEqual([first, later]);
      expect(first).toMatchObject({ userId: alice, createdAt: YEAR_2100, note: 'dust', triggeredAt: null });
      expect(await alerts.count(alice)).toBe(2);
      expect(await alerts.count(bob)).toBe(1);
      expect(await alerts.waiting()).toHaveLength(3);
    });

    it('[P7] keeps each kind as it was set: a move with its window, a portfolio alert with its currency', async () => {
      const storage = await (await database()).open();
      const alice = (await new UserStore(storage).create('alice', 'h', { isAdmin: false }))?.id ?? -1;
      const alerts = new AlertStore(storage);
      const move = await alerts.insert(
        alice,
        { kind: 'move', stream: STREAM, direction: 'down', percent: '5.5', window: '4h', note: null },
        [],
        YEAR_2100,
      );
      const value = await alerts.insert(
        alice,
        { kind: 'portfolio', condition: 'below', value: '20000', currency: 'EUR', note: 'rebalance' },
        [],
        YEAR_2100 + 1,
      );
      expect(move).toEqual({
        id: move.id,
        userId: alice,
        kind: 'move',
        stream: STREAM,
        direction: 'down',
        percent: '5.5',
        window: '4h',
        note: null,
        channels: [],
        createdAt: YEAR_2100,
        triggeredAt: null,
        triggeredPrice: null,
        triggeredChange: null,
      });
      expect(value).toEqual({
        id: value.id,
        userId: alice,
        kind: 'portfolio',
        condition: 'below',
        value: '20000',
        currency: 'EUR',
        note: 'rebalance',
        channels: [],
        createdAt: YEAR_2100 + 1,
        triggeredAt: null,
        triggeredPrice: null,
      });
      expect(await alerts.trigger(move.id, YEAR_2100 + 5, '95000', '-5.52')).toBe(true);
      expect(await alerts.list(alice)).toEqual([
        { ...move, triggeredAt: YEAR_2100 + 5, triggeredPrice: '95000', triggeredChange: '-5.52' },
        value,
      ]);
    });

    it('triggers an alert once, with the time and price; a triggered one waits no more', async () => {
      const storage = await (await database()).open();
      const alice = (await new UserStore(storage).create('alice', 'h', { isAdmin: false }))?.id ?? -1;
      const alerts = new AlertStore(storage);
      const alert = await alerts.insert(alice, price('above', '2'), []);
      expect(await alerts.trigger(alert.id, YEAR_2100, '2.000000000000000001')).toBe(true);
      expect(await alerts.trigger(alert.id, YEAR_2100 + 1, '3')).toBe(false);
      expect(await alerts.list(alice)).toEqual([
        { ...alert, triggeredAt: YEAR_2100, triggeredPrice: '2.000000000000000001' },
      ]);
      expect(await alerts.waiting()).toEqual([]);
    });

    it("deletes only the owner's alert", async () => {
      const storage = await (await database()).open();
      const users = new UserStore(storage);
      const alice = (await users.create('alice', 'h', { isAdmin: false }))?.id ?? -1;
      const bob = (await users.create('bob', 'h', { isAdmin: false }))?.id ?? -1;
      const alerts = new AlertStore(storage);
      const alert = await alerts.insert(alice, price('above', '2'), []);
      expect(await alerts.remove(bob, alert.id)).toBe(false);
      expect(await alerts.remove(alice, alert.id)).toBe(true);
      expect(await alerts.remove(alice, alert.id)).toBe(false);
      expect(await alerts.count(alice)).toBe(0);
    });

    it('[P7] keeps the channels an alert goes to, changes them for the owner only, and forgets a deleted channel', async () => {
      const storage = await (await database()).open();
      const users = new UserStore(storage);
      const alice = (await users.create('alice', 'h', { isAdmin: false }))?.id ?? -1;
      const bob = (await users.create('bob', 'h', { isAdmin: false }))?.id ?? -1;
      await channel(storage, alice, 'phone');
      const desk = await channel(storage, alice, 'desk');
      const alerts = new AlertStore(storage);
      // Listed in the order the Notifications page lists the channels, whatever order they were given in.
      const order = (await new ChannelStore(storage, createKeyRing(randomBytes(32))).list(alice)).map(
        (c) => c.id,
      );
      const alert = await alerts.insert(alice, price('above', '2'), [...order].reverse());
      expect(alert.channels).toEqual(order);
      expect(await alerts.setChannels(bob, alert.id, [])).toBe(false);
      expect((await alerts.get(alice, alert.id))?.channels).toEqual(order);
      expect(await alerts.setChannels(alice, alert.id, [desk])).toBe(true);
      expect((await alerts.get(alice, alert.id))?.channels).toEqual([desk]);
      expect(await new ChannelStore(storage, createKeyRing(randomBytes(32))).remove(alice, desk)).toBe(true);
      expect((await alerts.waiting())[0]?.channels).toEqual([]);
      expect(await alerts.get(bob, alert.id)).toBeUndefined();
    });
  });

  describe.skipIf(!engineAvailable(engine))('the upgrade to alert kinds (schema version 13)', () => {
    it('[P7] keeps every alert a price alert sent to every channel its owner had, as before', async () => {
      const db = await database();
      await databaseAtVersion(db.target, 12, async (old) => {
        await old
          .insertInto('users')
          .values([
            { username: 'alice', password_hash: 'h', created_at: 1 },
            { username: 'bob', password_hash: 'h', created_at: 2 },
          ])
          .execute();
        const ids = await old.selectFrom('users').select(['id', 'username']).orderBy('id').execute();
        const [alice = -1, bob = -1] = ids.map((u: { id: number }) => u.id);
        const channelRow = (id: string, user: number, at: number) => ({
          id,
          user_id: user,
          kind: 'ntfy',
          name: id,
          config: '{"url":"https://ntfy.example.org/x"}',
          secret: null,
          language: 'en',
          format_locale: 'en-US',
          created_at: at,
        });
        await old
          .insertInto('alert_channels')
          .values([channelRow('c1', alice, 1), channelRow('c2', alice, 2), channelRow('c3', bob, 3)])
          .execute();
        await old
          .insertInto('alerts')
          .values({
            id: 'a1',
            user_id: alice,
            stream: STREAM,
            condition: 'below',
            price: '100',
            note: null,
            created_at: 5,
          })
          .execute();
      });
      const storage = await db.open();
      const alice = (await new UserStore(storage).credentials('alice'))?.user.id ?? -1;
      expect(await new AlertStore(storage).list(alice)).toEqual([
        {
          id: 'a1',
          userId: alice,
          kind: 'price',
          stream: STREAM,
          condition: 'below',
          price: '100',
          note: null,
          channels: ['c1', 'c2'],
          createdAt: 5,
          triggeredAt: null,
          triggeredPrice: null,
        },
      ]);
    });
  });
});
