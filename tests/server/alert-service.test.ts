import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Alert, Ticker } from '../../lib/protocol';
import { AlertService } from '../../server/alerts/alert-service';
import type { PortfolioValue } from '../../server/alerts/alert-service';
import { MoveWindows } from '../../server/alerts/move-windows';
import type { PriceBucket } from '../../server/alerts/move-windows';
import { prepareChannel } from '../../server/alerts/channels/channel-kinds';
import { AppError } from '../../server/errors';
import { createKeyRing } from '../../server/secrets/key-ring';
import { ChannelStore } from '../../server/store/channel-store';
import { AlertStore } from '../../server/store/alert-store';
import { openStorage } from '../../server/store/db';
import { UserStore } from '../../server/store/user-store';
import { tickerAt } from '../support/fixtures';

const STREAM = 'binance:BTC/USDT';
const MINUTE = 60_000;
/** A minute's start, so that the windows' edges fall where the tests say. */
const NOW = Date.UTC(2100, 0, 1, 12, 0, 0);

const ticker = (last: number | null, stale = false, at = NOW): Ticker => ({
  ...tickerAt(0, at),
  last,
  stale,
});

interface Options {
  /** What the exchange's candles say of the past window. */
  past?: PriceBucket[];
}

/** The service on a real (in-memory) database, with the market's latest tickers and the portfolio held here. */
async function setup(options: Options = {}) {
  const db = await openStorage({ file: ':memory:' });
  const users = new UserStore(db);
  const owner = (await users.create('alice', 'x', { isAdmin: true }))?.id ?? -1;
  const channels = new ChannelStore(db, createKeyRing(randomBytes(32)));
  const tickers = new Map<string, Ticker>();
  const fired: Alert[] = [];
  const waiters: Array<() => void> = [];
  const portfolio: PortfolioValue = { value: '1000', complete: true };
  let streamChanges = 0;
  let seeded: () => void = () => {};
  const seedDone = new Promise<void>((resolve) => (seeded = resolve));
  const moves = new MoveWindows({
    seed: async () => {
      seeded();
      return options.past ?? [];
    },
    log: { debug: () => {} },
  });
  const service = new AlertService({
    store: new AlertStore(db),
    catalog: {
      check: (stream) => {
        if (stream !== STREAM) throw new AppError('UNKNOWN_SYMBOL', `No market ${stream}.`);
        return { exchange: 'binance', symbol: 'BTC/USDT' };
      },
    },
    moves,
    ticker: (stream) => tickers.get(stream),
    channels: async (userId) => (await channels.list(userId)).map((c) => c.id),
    currency: async () => 'EUR',
    portfolioValue: async () => ({ ...portfolio }),
    triggered: (_user, alert) => {
      fired.push(alert);
      for (const wake of waiters.splice(0)) wake();
    },
    changed: () => {},
    streamsChanged: () => streamChanges++,
    now: () => NOW,
  });
  const nextFiring = () => new Promise<void>((resolve) => waiters.push(resolve));
  return {
    db,
    owner,
    channels,
    tickers,
    fired,
    service,
    portfolio,
    seedDone,
    nextFiring,
    streamChanges: () => streamChanges,
  };
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
    expect(fired.map((a) => (a.kind === 'price' ? [a.condition, a.triggeredPrice] : []))).toEqual([
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

describe('move alerts', () => {
  it('[P7] measure a rise from the window’s low, seeded from the candles before the alert was set', async () => {
    // The exchange's candles: a low of 100 thirty minutes ago, 120 two hours ago (outside the hour).
    const past = [
      { time: NOW - 120 * MINUTE, low: 80, high: 90 },
      { time: NOW - 30 * MINUTE, low: 100, high: 101 },
    ];
    const { owner, fired, service, seedDone } = await setup({ past });
    const alert = await service.create(owner, {
      kind: 'move',
      stream: STREAM,
      direction: 'up',
      percent: '5',
      window: '1h',
    });
    expect(alert).toMatchObject({ kind: 'move', triggeredAt: null, triggeredChange: null });
    await seedDone;
    await service.tick(STREAM, ticker(104.99, false, NOW + 1));
    expect(fired).toEqual([]);
    await service.tick(STREAM, ticker(105, false, NOW + 2));
    expect(fired).toMatchObject([
      { id: alert.id, kind: 'move', triggeredPrice: '105', triggeredChange: '5.00', triggeredAt: NOW + 2 },
    ]);
    // Fired once: the market is no longer watched for it.
    expect(service.streams()).toEqual([]);
  });

  it('[P7] measure a fall from the window’s high; "any" fires on whichever comes, with its sign', async () => {
    const past = [{ time: NOW - 10 * MINUTE, low: 195, high: 200 }];
    const { owner, fired, service, seedDone } = await setup({ past });
    const down = await service.create(owner, {
      kind: 'move',
      stream: STREAM,
      direction: 'down',
      percent: '10',
      window: '15m',
    });
    const either = await service.create(owner, {
      kind: 'move',
      stream: STREAM,
      direction: 'any',
      percent: '2.5',
      window: '5m',
    });
    await seedDone;
    // 195 is 2.5 % below the high of 200, but that high is ten minutes old: outside the 5-minute window.
    await service.tick(STREAM, ticker(195, false, NOW + 1));
    expect(fired).toEqual([]);
    await service.tick(STREAM, ticker(190.1, false, NOW + 2));
    expect(fired).toMatchObject([{ id: either.id, triggeredChange: '-2.51' }]);
    await service.tick(STREAM, ticker(180, false, NOW + 3));
    expect(fired.map((a) => a.id)).toEqual([either.id, down.id]);
    expect(fired[1]).toMatchObject({ triggeredPrice: '180', triggeredChange: '-10.00' });
  });

  it('[P7] with no candles, the window fills from the ticks', async () => {
    const { owner, fired, service, seedDone } = await setup({ past: [] });
    await service.create(owner, {
      kind: 'move',
      stream: STREAM,
      direction: 'up',
      percent: '1',
      window: '5m',
    });
    await seedDone;
    await service.tick(STREAM, ticker(100, false, NOW));
    await service.tick(STREAM, ticker(100.99, false, NOW + MINUTE));
    expect(fired).toEqual([]);
    await service.tick(STREAM, ticker(101, false, NOW + 2 * MINUTE));
    expect(fired).toMatchObject([{ triggeredChange: '1.00' }]);
  });
});

describe('portfolio alerts', () => {
  it("[P7] fire at once when met as set, in the user's currency unless one is named", async () => {
    const { owner, fired, service } = await setup();
    const met = await service.create(owner, { kind: 'portfolio', condition: 'above', value: '999.99' });
    expect(met).toMatchObject({
      kind: 'portfolio',
      currency: 'EUR',
      triggeredAt: NOW,
      triggeredPrice: '1000',
    });
    const waiting = await service.create(owner, {
      kind: 'portfolio',
      condition: 'below',
      value: '1000',
      currency: 'USD',
    });
    // Exactly at the level meets "below" too.
    expect(waiting).toMatchObject({ currency: 'USD', triggeredAt: NOW });
    expect(fired).toHaveLength(2);
  });

  it('[P7] are checked every round, and never on a valuation that leaves a holding out', async () => {
    const { owner, fired, service, portfolio, nextFiring } = await setup();
    const alert = await service.create(owner, { kind: 'portfolio', condition: 'below', value: '900' });
    expect(alert.triggeredAt).toBeNull();
    portfolio.value = '850';
    portfolio.complete = false;
    await service.checkPortfolios();
    expect(fired).toEqual([]);
    portfolio.complete = true;
    const firing = nextFiring();
    const stop = service.startPortfolioChecks(5, () => true);
    try {
      await firing;
    } finally {
      stop();
    }
    expect(fired).toMatchObject([{ id: alert.id, triggeredPrice: '850' }]);
  });

  it('[P7] a change of the portfolio checks its alerts at once', async () => {
    const { owner, fired, service, portfolio } = await setup();
    await service.create(owner, { kind: 'portfolio', condition: 'above', value: '2000' });
    portfolio.value = '2500';
    await service.portfolioChanged(owner);
    expect(fired).toMatchObject([{ kind: 'portfolio', triggeredPrice: '2500' }]);
  });
});

describe('the channels of an alert', () => {
  it("[P7] are all the user's channels unless the alert names some; one the user does not have is refused", async () => {
    const { owner, service, channels } = await setup();
    const add = async (name: string) =>
      (
        await channels.insert(
          owner,
          prepareChannel({ kind: 'ntfy', name, config: { url: `https://ntfy.example.org/${name}` } }),
        )
      ).id;
    const [phone, desk] = [await add('phone'), await add('desk')];
    // In the order the Notifications page lists them.
    const listed = (await channels.list(owner)).map((c) => c.id);
    expect([...listed].sort()).toEqual([phone, desk].sort());
    const all = await service.create(owner, { stream: STREAM, condition: 'above', price: '1' });
    expect(all.channels).toEqual(listed);
    const one = await service.create(owner, {
      stream: STREAM,
      condition: 'above',
      price: '1',
      channels: [desk],
    });
    expect(one.channels).toEqual([desk]);
    await expect(
      service.create(owner, { stream: STREAM, condition: 'above', price: '1', channels: ['c3'] }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/channels: no channel "c3"/),
    });
    await expect(service.setChannels(owner, one.id, [phone, 'c3'])).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect((await service.setChannels(owner, one.id, [phone])).channels).toEqual([phone]);
    expect((await service.list(owner)).map((a) => a.channels)).toEqual([listed, [phone]]);
  });
});
