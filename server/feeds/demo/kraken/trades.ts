/** Trade-driven clock of the simulated Kraken: each market trades at seeded random moments, one update per trade. */
import { hashString, mulberry32 } from '../prng';
import type { DemoTicker, Simulator } from '../simulator';
import type { KrakenPair } from './markets';

/** What the trade clock drives. */
export interface TradingOptions {
  simulator: Simulator;
  pairs: readonly KrakenPair[];
  seed: number;
  tickMs: number;
  /** While true (a stall) nothing trades, so the model stays frozen. */
  paused: () => boolean;
  /** A quiet market has no trades at all; its clock keeps running so it resumes at once when undone. */
  quiet: (symbol: string) => boolean;
  onTrade: (ticker: DemoTicker) => void;
}

/**
 * Starts one timer chain per market. Gaps are exponential (a Poisson process) with mean tickMs / activity: a
 * busy market trades about once per tickMs, a small one every few. Each trade steps the model once.
 */
export function startTrading({
  simulator,
  pairs,
  seed,
  tickMs,
  paused,
  quiet,
  onTrade,
}: TradingOptions): () => void {
  const timers = new Map<string, NodeJS.Timeout>();
  let stopped = false;

  for (const pair of pairs) {
    // Its own stream, apart from the model's: when a market trades never changes what its prices are.
    const rng = mulberry32(hashString(`kraken-trades:${pair.symbol}`) ^ Math.imul(seed >>> 0, 0x9e3779b1));
    const mean = tickMs / pair.activity;
    const schedule = () => {
      const gap = Math.max(1, Math.round(-Math.log(1 - rng()) * mean));
      timers.set(pair.symbol, setTimeout(trade, gap).unref());
    };
    const trade = () => {
      if (stopped) return;
      if (!paused() && !quiet(pair.symbol)) onTrade(simulator.step(pair.symbol));
      schedule();
    };
    schedule();
  }

  return () => {
    stopped = true;
    for (const timer of timers.values()) clearTimeout(timer);
  };
}
