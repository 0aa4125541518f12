// Records what unmodified ccxt binance makes of each kind of garbage: the feed's validation must cope with it.
import type { Ticker } from 'ccxt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startDemoExchange } from '../../../../server/feeds/demo/index';
import type { DemoExchange, GarbageKind } from '../../../../server/feeds/demo/index';
import { binanceClient, closeClients, settle } from './helpers';
import type { DemoClient, Outcome } from './helpers';

let demo: DemoExchange;

beforeEach(async () => {
  demo = await startDemoExchange({ seed: 4, tickMs: 50 });
});
afterEach(async () => {
  await closeClients();
  await demo.close();
});

const watchBtc = (ex: DemoClient) =>
  ex.watchTickers(['BTC/USDT'], { name: 'ticker' }).then((tickers) => tickers['BTC/USDT'] as Ticker);

/** What ccxt gives for each kind, on the WebSocket and on REST alike. */
const EXPECTED: Record<GarbageKind, (outcome: Outcome<Ticker>) => void> = {
  // ccxt passes the unparseable text to binance's handler, which throws a plain TypeError
  // ("Cannot use 'in' operator ..."): not a ccxt error class at all.
  html: (o) => expect(!o.ok && o.error).toBeInstanceOf(TypeError),
  'truncated-json': (o) => expect(!o.ok && o.error).toBeInstanceOf(TypeError),
  // Silently "repaired": a non-string last is recomputed from open + change, a non-string bid or
  // volume becomes undefined. Nothing throws.
  'wrong-types': (o) => {
    const t = o.ok ? o.value : undefined;
    expect(t?.info).toMatchObject({ c: { x: 1 } });
    expect(t?.last).toBeCloseTo((t?.open ?? NaN) + (t?.change ?? NaN), 6);
    expect(t?.bid).toBeUndefined();
    expect(t?.baseVolume).toBeUndefined();
  },
  // Passed through unchanged.
  'negative-price': (o) => expect(o.ok && [o.value.last, o.value.close]).toEqual([-5, -5]),
  'huge-number': (o) => expect(o.ok && o.value.last).toBe(1e308),
  'bid-above-ask': (o) => expect(o.ok && (o.value.bid ?? 0) > (o.value.ask ?? Infinity)).toBe(true),
};

/** REST answers carry the same corruption under REST field names; normalise to the WS keys for EXPECTED. */
function asWsInfo(outcome: Outcome<Ticker>): Outcome<Ticker> {
  if (!outcome.ok || !('lastPrice' in outcome.value.info)) return outcome;
  const info = outcome.value.info as Record<string, unknown>;
  const renamed = { ...info, c: info.lastPrice, b: info.bidPrice, a: info.askPrice };
  return { ok: true, value: { ...outcome.value, info: renamed } };
}

function corrupted(outcome: Outcome<Ticker>): boolean {
  if (!outcome.ok) return true;
  const { c, b, a } = outcome.value.info as Record<string, unknown>;
  return typeof c !== 'string' || !/^\d+\.\d{8}$/.test(c) || Number(b) > Number(a);
}

const KINDS = Object.keys(EXPECTED) as GarbageKind[];

describe('garbage on the WebSocket, as ccxt returns it', () => {
  it.each(KINDS)('%s', async (kind) => {
    const ex = await binanceClient(demo);
    await watchBtc(ex);
    const first = settle(watchBtc(ex)); // pending before the fault, so no frame can slip past it
    demo.faults.garbage(kind);
    let outcome = await first;
    // A clean frame may already have been on its way; the corrupted one is among the next few.
    for (let i = 0; i < 5 && !corrupted(outcome); i++) outcome = await settle(watchBtc(ex));
    EXPECTED[kind](outcome);
    // Only what was sent was corrupted: the model and the following frames are sane, the socket survives.
    expect(demo.ticker('BTC/USDT')?.last).toBeGreaterThan(0);
    const next = await watchBtc(ex);
    expect(corrupted({ ok: true, value: next })).toBe(false);
    expect(demo.connections()).toBe(1);
  });
});

describe('garbage on REST ticker answers, as ccxt returns it', () => {
  it.each(KINDS)('%s', async (kind) => {
    const ex = await binanceClient(demo);
    demo.faults.garbage(kind);
    EXPECTED[kind](asWsInfo(await settle(ex.fetchTicker('BTC/USDT'))));
    expect(corrupted(asWsInfo(await settle(ex.fetchTicker('BTC/USDT'))))).toBe(false);
  });

  it('corrupts only the first entry of a list answer', async () => {
    const ex = await binanceClient(demo);
    demo.faults.garbage('negative-price');
    const tickers = await ex.fetchTickers(['ETH/USDT', 'BTC/USDT']);
    expect(tickers['ETH/USDT']?.last).toBe(-5);
    expect(tickers['BTC/USDT']?.last).toBeGreaterThan(1000);
  });

  it('spends a count of n on the next n ticker messages', async () => {
    const ex = await binanceClient(demo);
    demo.faults.garbage('huge-number', 2);
    expect((await ex.fetchTicker('BTC/USDT')).last).toBe(1e308);
    expect((await ex.fetchTicker('BTC/USDT')).last).toBe(1e308);
    expect((await ex.fetchTicker('BTC/USDT')).last).toBeLessThan(1e6);
  });
});
