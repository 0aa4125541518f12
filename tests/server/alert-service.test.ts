import { describe, expect, it } from 'vitest';
import type { PriceAlert, Ticker } from '../../lib/protocol';
import { AlertService } from '../../server/alerts/alert-service';
import { AppError } from '../../server/errors';
import { AlertStore } from '../../server/store/alert-store';
import { openStorage } from '../../server/store/db';
import { UserStore } from '../../server/store/user-store';
import { tickerAt } from '../support/fixtures';

const STREAM = 'binance:BTC/USDT';

const ticker = (last: number | null, stale = false): Ticker => ({ ...tickerAt(0, 1_000), last, stale });

/** The service on a real (in-memory) database, with the market's latest tickers held here. */
async function setup() {
  const db = await openStorage({ file: ':memory:' });
  const users = new UserStore(db);
  const owner = (await users.create('alice', 'x', { isAdmin: true }))?.id ?? -1;
  const tickers = new Map<string, Ticker>();
  const fired: PriceAlert[] = [];
  let streamChanges = 0;
  const service = new AlertService({
    store: new AlertStore(db),
    catalog: {
      check: (stream) => {
        if (stream !== STREAM) throw new AppError('UNKNOWN_SYMBOL', `No market ${stream}.`);
        return { exchange: 'binance', symbol: 'BTC/USDT' };
      },
    },
    ticker: (stream) => tickers.get(stream),
    triggered: (_user, alert) => fired.push(alert),
    changed: () => {},
    streamsChanged: () => streamChanges++,
  });
  return { db, owner, tickers, fired, service, streamChanges: () => streamChanges };
}

describe('the alert service', () => {
  it('does not fire on a stale price, even one that meets the condition; the next live one fires it', async () => {
    const { owner, tickers, fired, service } = await setup();
    tickers.set(STREAM, ticker(50_000, true));
    const alert = await service.create(owner, { stream: STREAM, condition: 'below', price: '60000' });
    expect(alert.triggeredAt).toBeNull();
    await service.tick(STREAM, ticker(50_000, true));
    await service.tick(STREAM, ticker(null));
    expect(fired).toEqual([]);
    await service.tick(STREAM, ticker(59_999.99));
    expect(fired.map((a) => a.triggeredPrice)).toEqual(['59999.99']);
  });

  it('compares exactly: the threshold itself meets "above" and "below", a hair short does not', async () => {
    const { owner, fired, service } = await setup();
    await service.create(owner, { stream: STREAM, condition: 'above', price: '0.3' });
    await service.create(owner, { stream: STREAM, condition: 'below', price: '0.1' });
    // The tick's shortest decimal form against the typed threshold: no float rounding either way.
    await service.tick(STREAM, ticker(0.29999999));
    expect(fired).toEqual([]);
    await service.tick(STREAM, ticker(0.3));
    await service.tick(STREAM, ticker(0.1));
    expect(fired.map((a) => [a.condition, a.triggeredPrice])).toEqual([
      ['above', '0.3'],
      ['below', '0.1'],
    ]);
  });

  it('stops asking for a market once none of its alerts waits', async () => {
    const { owner, service, streamChanges } = await setup();
    const a = await service.create(owner, { stream: STREAM, condition: 'above', price: '100' });
    expect(service.streams()).toEqual([STREAM]);
    expect(streamChanges()).toBe(1);
    await service.remove(owner, a.id);
    expect(service.streams()).toEqual([]);
    expect(streamChanges()).toBe(2);
    await service.create(owner, { stream: STREAM, condition: 'above', price: '100' });
    await service.tick(STREAM, ticker(101));
    expect(service.streams()).toEqual([]);
  });

  it('refuses an unknown market and keeps nothing', async () => {
    const { owner, service } = await setup();
    await expect(
      service.create(owner, { stream: 'binance:NOPE/USDT', condition: 'above', price: '1' }),
    ).rejects.toThrow(/NOPE/);
    expect(await service.list(owner)).toEqual([]);
  });
});
