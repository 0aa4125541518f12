import { describe, expect, it } from 'vitest';
import { DEMO_MARKETS } from '../../../../server/feeds/demo/markets';
import { createSimulator } from '../../../../server/feeds/demo/simulator';
import type { DemoTicker, Simulator } from '../../../../server/feeds/demo/simulator';

const fixedClock = () => 1_700_000_000_000;

function run(sim: Simulator, symbol: string, steps: number): DemoTicker[] {
  return Array.from({ length: steps }, () => sim.step(symbol));
}

/** True when value is a whole multiple of 10^-decimals (up to float noise). */
function onGrid(value: number, decimals: number): boolean {
  const units = value * 10 ** decimals;
  return Math.abs(units - Math.round(units)) < 1e-6;
}

describe('demo simulator', () => {
  it('lists about forty markets, including the ones the UI shows first', () => {
    const symbols = DEMO_MARKETS.map((m) => m.symbol);
    expect(symbols.length).toBeGreaterThanOrEqual(38);
    expect(new Set(symbols).size).toBe(symbols.length);
    expect(symbols).toEqual(
      expect.arrayContaining(['BTC/USDT', 'ETH/USDT', 'SOL/USDT', 'DOGE/USDT', 'ETH/BTC']),
    );
    expect(symbols.some((s) => s.endsWith('/EUR'))).toBe(true);
    expect(symbols.some((s) => s.endsWith('/USDC'))).toBe(true);
  });

  it('starts every market at the price its candles reach at the start, so the chart runs on without a jump', () => {
    // The venues pass the seeded candles' price at the start as the reference (index.ts, coinbase/, kraken/).
    const reference = (spec: { price: number }) => spec.price * 1.013;
    const sim = createSimulator({ seed: 7, tickMs: 1000, now: fixedClock, reference });
    for (const spec of DEMO_MARKETS) {
      const first = sim.ticker(spec.symbol) as DemoTicker;
      const expected = Math.round(reference(spec) * 10 ** spec.priceDecimals) / 10 ** spec.priceDecimals;
      expect(first.last, spec.symbol).toBeCloseTo(expected, spec.priceDecimals);
      // One tick later it has moved as a tick moves, not by the synthetic day's drift.
      expect(Math.abs(sim.step(spec.symbol).last / expected - 1), spec.symbol).toBeLessThan(0.002);
    }
  });

  it('repeats the same prices for the same seed, whatever the order markets are stepped in', () => {
    const a = createSimulator({ seed: 7, tickMs: 100, now: fixedClock });
    const b = createSimulator({ seed: 7, tickMs: 100, now: fixedClock });
    const btcA = run(a, 'BTC/USDT', 300);
    run(a, 'DOGE/USDT', 300);
    const btcB: DemoTicker[] = [];
    for (let i = 0; i < 300; i++) {
      b.step('DOGE/USDT');
      btcB.push(b.step('BTC/USDT'));
    }
    expect(btcB).toEqual(btcA);
    expect(b.ticker('DOGE/USDT')).toEqual(a.ticker('DOGE/USDT'));
  });

  it('gives different prices for a different seed', () => {
    const a = run(createSimulator({ seed: 1, tickMs: 100, now: fixedClock }), 'ETH/USDT', 20).map(
      (t) => t.last,
    );
    const b = run(createSimulator({ seed: 2, tickMs: 100, now: fixedClock }), 'ETH/USDT', 20).map(
      (t) => t.last,
    );
    expect(a).not.toEqual(b);
  });

  it('keeps prices on the tick, bid < ask and the 24h figures consistent on every market', () => {
    // tickMs 6000: a one-minute bucket every 10 ticks, so 200 steps roll the 24h window twenty times.
    const sim = createSimulator({ seed: 42, tickMs: 6000, now: fixedClock });
    // Collected rather than asserted one by one: 8,000 ticks times a dozen expects would be slow.
    const violations: string[] = [];
    const check = (ok: boolean, what: string, t: DemoTicker) => {
      if (!ok) violations.push(`${t.symbol}#${t.tickIndex}: ${what} ${JSON.stringify(t)}`);
    };
    for (const spec of sim.markets) {
      for (const t of run(sim, spec.symbol, 200)) {
        for (const price of [t.last, t.bid, t.ask, t.open, t.high, t.low, t.prevClose]) {
          check(price > 0 && onGrid(price, spec.priceDecimals), `price ${price} off the tick`, t);
        }
        check(onGrid(t.lastQty, spec.amountDecimals) && t.lastQty > 0, 'lastQty off the step', t);
        check(t.bid < t.ask, 'bid >= ask', t);
        check(t.last === t.bid || t.last === t.ask, 'last not at the touch', t);
        check(t.low <= t.last && t.last <= t.high, 'last outside low..high', t);
        check(Math.abs(t.percentage - ((t.last - t.open) / t.open) * 100) < 0.001, 'percentage', t);
        check(Math.abs(t.change - (t.last - t.open)) < 10 ** -spec.priceDecimals / 2, 'change', t);
        check(t.baseVolume > 0 && t.quoteVolume > 0, 'volume', t);
        check(t.vwap >= t.low * 0.99 && t.vwap <= t.high * 1.01, 'vwap outside the range', t);
        check(t.lastTradeId - t.firstTradeId + 1 === t.tradeCount, 'trade ids', t);
      }
    }
    expect(violations.slice(0, 5)).toEqual([]);
  });

  it('has realistic magnitudes: daily volume near the catalogue, prices near their reference', () => {
    const sim = createSimulator({ seed: 3, tickMs: 1000, now: fixedClock });
    for (const spec of sim.markets) {
      const t = sim.ticker(spec.symbol);
      expect(t?.last).toBeGreaterThan(spec.price / 2);
      expect(t?.last).toBeLessThan(spec.price * 2);
      expect(t?.quoteVolume).toBeGreaterThan(spec.quoteVolume / 2);
      expect(t?.quoteVolume).toBeLessThan(spec.quoteVolume * 2);
    }
  });

  it('stays plausible over several simulated days (the walk reverts, the window keeps rolling)', () => {
    // One tick per minute: 5000 ticks is three and a half days.
    const sim = createSimulator({ seed: 9, tickMs: 60_000, now: fixedClock });
    for (const symbol of ['BTC/USDT', 'PEPE/USDT', 'USDC/USDT']) {
      const spec = sim.market(symbol);
      const last = run(sim, symbol, 5000).at(-1);
      expect(spec).toBeDefined();
      expect(last?.last).toBeGreaterThan((spec?.price ?? 0) / 3);
      expect(last?.last).toBeLessThan((spec?.price ?? 0) * 3);
      expect(last?.low).toBeLessThanOrEqual(last?.high ?? 0);
    }
  });

  it('hands out frozen snapshots, so a caller cannot change the model', () => {
    const sim = createSimulator({ seed: 5, tickMs: 100, now: fixedClock });
    const t = sim.step('BTC/USDT');
    expect(() => {
      (t as { last: number }).last = -5;
    }).toThrow(TypeError);
    expect(sim.ticker('BTC/USDT')?.last).toBeGreaterThan(0);
    expect(() => sim.step('NOPE/USDT')).toThrow(/unknown market/);
  });
});
