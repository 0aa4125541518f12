/** Trade-driven clock of the simulated Coinbase: each market prints at random seeded moments, busier ones more often. */
import { marketRng } from '../prng';
import type { DemoTicker, Simulator } from '../simulator';
import type { CoinbaseMarket } from './catalogue';
import type { Trade } from './wire';

/** What the trading loop needs; `paused` (a stall) and `isQuiet` skip trades without stopping the clock. */
export interface TradingOptions {
  simulator: Simulator;
  markets: readonly CoinbaseMarket[];
  seed: number;
  tickMs: number;
  paused: () => boolean;
  isQuiet: (market: CoinbaseMarket) => boolean;
  onTrade: (market: CoinbaseMarket, ticker: DemoTicker) => void;
  /** Every 5 s (scaled by tickMs/1000): the latest values of the markets that traded since the last batch. */
  onBatch: (tickers: ReadonlyMap<string, DemoTicker>) => void;
}

/** The running loop: its trade log, and a way to stop it. */
export interface Trading {
  /** The latest trades of a product, newest first (at most KEEP_TRADES). */
  trades(productId: string): readonly Trade[];
  stop(): void;
}

const KEEP_TRADES = 100;
/** Coinbase's ticker_batch period, in model seconds. */
export const BATCH_MS = 5000;

function tradeOf(ticker: DemoTicker): Trade {
  return {
    tradeId: ticker.lastTradeId,
    price: ticker.last,
    size: ticker.lastQty,
    time: ticker.timestamp,
    // A print at the ask was a buyer lifting it.
    side: ticker.last >= ticker.ask ? 'BUY' : 'SELL',
  };
}

/** Starts one timer chain per market plus the batch timer. */
export function startTrading(options: TradingOptions): Trading {
  const { simulator, markets, seed, tickMs, paused, isQuiet, onTrade, onBatch } = options;
  const timers = new Map<string, NodeJS.Timeout>();
  const logs = new Map<string, Trade[]>();
  const changed = new Map<string, DemoTicker>();
  const busiest = Math.max(...markets.map((m) => m.quoteVolume));
  let stopped = false;

  for (const market of markets) {
    const first = simulator.ticker(market.symbol);
    logs.set(market.id, first ? [tradeOf(first)] : []);
    // Its own stream, apart from the model's: when a market trades never changes what its prices do.
    const rng = marketRng(seed, `trades:${market.id}`);
    // The busiest book trades about once per tickMs; a book 100x smaller about a quarter as often.
    const activity = Math.min(1, Math.max(0.1, (market.quoteVolume / busiest) ** 0.3));
    const meanMs = tickMs / activity;
    const schedule = () => {
      if (stopped) return;
      const delay = Math.max(1, -Math.log(1 - rng()) * meanMs);
      timers.set(market.id, setTimeout(trade, delay).unref());
    };
    const trade = () => {
      if (!paused() && !isQuiet(market)) {
        const ticker = simulator.step(market.symbol);
        const log = logs.get(market.id) ?? [];
        log.unshift(tradeOf(ticker));
        log.length = Math.min(log.length, KEEP_TRADES);
        logs.set(market.id, log);
        changed.set(market.id, ticker);
        onTrade(market, ticker);
      }
      schedule();
    };
    schedule();
  }

  const batch = setInterval(
    () => {
      if (paused() || changed.size === 0) return;
      const latest = new Map(changed);
      changed.clear();
      onBatch(latest);
    },
    Math.max(1, Math.round((BATCH_MS * tickMs) / 1000)),
  ).unref();

  return {
    trades: (productId) => logs.get(productId) ?? [],
    stop() {
      stopped = true;
      clearInterval(batch);
      for (const timer of timers.values()) clearTimeout(timer);
    },
  };
}
