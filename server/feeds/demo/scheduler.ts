/** Drives the demo exchange's clock: each market ticks every tickMs, staggered so they do not fire together. */
import type { DemoTicker, Simulator } from './simulator';

/** What the scheduler drives; `paused` freezes the model (a stall), nothing is stepped meanwhile. */
export interface TickingOptions {
  simulator: Simulator;
  tickMs: number;
  paused: () => boolean;
  onTicker: (ticker: DemoTicker) => void;
  /** Once per tickMs, the markets that ticked since the previous call (Binance's `!ticker@arr` cadence). */
  onArrays: (tickers: readonly DemoTicker[]) => void;
}

/** Starts the timers; the returned function stops them all. */
export function startTicking({ simulator, tickMs, paused, onTicker, onArrays }: TickingOptions): () => void {
  const timers: NodeJS.Timeout[] = [];
  const changed = new Map<string, DemoTicker>();
  const count = simulator.markets.length;

  simulator.markets.forEach((spec, index) => {
    const tick = () => {
      if (paused()) return;
      const ticker = simulator.step(spec.symbol);
      changed.set(spec.symbol, ticker);
      onTicker(ticker);
    };
    const start = setTimeout(
      () => {
        tick();
        timers.push(setInterval(tick, tickMs).unref());
      },
      Math.floor((index * tickMs) / count),
    );
    timers.push(start.unref());
  });

  timers.push(
    setInterval(() => {
      if (paused() || changed.size === 0) return;
      const tickers = [...changed.values()];
      changed.clear();
      onArrays(tickers);
    }, tickMs).unref(),
  );

  return () => {
    for (const timer of timers) clearTimeout(timer);
  };
}
