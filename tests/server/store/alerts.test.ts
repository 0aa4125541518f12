import { describe, expect, it } from 'vitest';
import { AlertStore } from '../../../server/store/alert-store';
import { UserStore } from '../../../server/store/user-store';
import { ENGINES, engineAvailable, useDatabases } from '../../support/storage';

const YEAR_2100 = 4_102_444_800_000;
const STREAM = 'binance:BTC/USDT';

describe.each(ENGINES)('alerts on %s', (engine) => {
  const database = useDatabases(engine);

  describe.skipIf(!engineAvailable(engine))('the alert store', () => {
    it('lists a user’s alerts oldest first, counts them, and lists every waiting one', async () => {
      const storage = await (await database()).open();
      const users = new UserStore(storage);
      const alice = (await users.create('alice', 'h', { isAdmin: false }))?.id ?? -1;
      const bob = (await users.create('bob', 'h', { isAdmin: false }))?.id ?? -1;
      const alerts = new AlertStore(storage);
      const later = await alerts.insert(
        alice,
        { stream: STREAM, condition: 'above', price: '2' },
        YEAR_2100 + 1,
      );
      const first = await alerts.insert(
        alice,
        { stream: STREAM, condition: 'below', price: '0.000000000000000001', note: 'dust' },
        YEAR_2100,
      );
      await alerts.insert(bob, { stream: STREAM, condition: 'above', price: '3' }, YEAR_2100);
      expect(await alerts.list(alice)).toEqual([first, later]);
      expect(first).toMatchObject({ userId: alice, createdAt: YEAR_2100, note: 'dust', triggeredAt: null });
      expect(await alerts.count(alice)).toBe(2);
      expect(await alerts.count(bob)).toBe(1);
      expect(await alerts.waiting()).toHaveLength(3);
    });

    it('triggers an alert once, with the time and price; a triggered one waits no more', async () => {
      const storage = await (await database()).open();
      const alice = (await new UserStore(storage).create('alice', 'h', { isAdmin: false }))?.id ?? -1;
      const alerts = new AlertStore(storage);
      const alert = await alerts.insert(alice, { stream: STREAM, condition: 'above', price: '2' });
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
      const alert = await alerts.insert(alice, { stream: STREAM, condition: 'above', price: '2' });
      expect(await alerts.remove(bob, alert.id)).toBe(false);
      expect(await alerts.remove(alice, alert.id)).toBe(true);
      expect(await alerts.remove(alice, alert.id)).toBe(false);
      expect(await alerts.count(alice)).toBe(0);
    });
  });
});
