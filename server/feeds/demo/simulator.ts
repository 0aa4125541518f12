/** Seeded market model of the demo exchange: a mean-reverting geometric random walk per market, advanced per tick. */
import type { MarketSpec } from './markets';
import { DEMO_MARKETS } from './markets';
import { gaussian, marketRng } from './prng';
import type { Rng } from './prng';
import { createWindow } from './rolling-window';
import type { RollingWindow } from './rolling-window';
import type { TradePrint } from './trade-minutes';

const DAY_MS = 86_400_000;
// Pulls the walk back towards the catalogue price over days, so a long-running demo stays plausible.
const REVERSION_PER_DAY = 1;

/** The simulator's values for one market at one tick; prices on the market's tick, amounts on its step. */
export interface DemoTicker {
  symbol: string;
  id: string;
  last: number;
  lastQty: number;
  bid: number;
  bidQty: number;
  ask: number;
  askQty: number;
  open: number;
  high: number;
  low: number;
  /** Last price before the 24h window (Binance's `x`). */
  prevClose: number;
  change: number;
  /** 24h change in percent, 3 decimals as Binance sends it. */
  percentage: number;
  vwap: number;
  baseVolume: number;
  quoteVolume: number;
  firstTradeId: number;
  lastTradeId: number;
  tradeCount: number;
  /** Time of the tick (ms since the epoch); the 24h window ends here. */
  timestamp: number;
  /** How many ticks this market has advanced; the model depends on this index, never on wall time. */
  tickIndex: number;
}

/** Options of createSimulator; `now` only stamps ticks, it never influences prices. */
export interface SimulatorOptions {
  seed: number;
  tickMs: number;
  now?: () => number;
  markets?: readonly MarketSpec[];
  /**
   * The price each market starts at and reverts to; default its catalogue price. The demo exchange passes the
   * path's price at the start, and the first tick carries on from exactly there (within the spread), so the
   * candles it serves run into the live prices without a jump.
   */
  reference?: (spec: MarketSpec) => number;
  /** Called with every print (each step), so the venue can build its candles from its own trades. */
  onTrade?: (print: TradePrint) => void;
}

/** The market model; step() is the only thing that changes it. */
export interface Simulator {
  readonly markets: readonly MarketSpec[];
  market(symbol: string): MarketSpec | undefined;
  marketById(id: string): MarketSpec | undefined;
  /** Advances one market by one tick and returns its new values. */
  step(symbol: string): DemoTicker;
  ticker(symbol: string): DemoTicker | undefined;
  tickers(): DemoTicker[];
}

interface ModelState {
  spec: MarketSpec;
  logRef: number;
  rng: Rng;
  logMid: number;
  tickIndex: number;
  bid: number;
  ask: number;
  last: number;
  lastQty: number;
  bidQty: number;
  askQty: number;
  window: RollingWindow;
  lastTradeId: number;
}

interface MarketState extends ModelState {
  /** The latest values as handed out; replaced on every step, never mutated. */
  snapshot: DemoTicker;
}

/** Rounds a value in units of 10^-decimals to a number with exactly that decimal value. */
function fromUnits(units: number, decimals: number): number {
  return Number((units / 10 ** decimals).toFixed(decimals));
}

/** Creates the model, including a synthetic previous 24h so the first tick already has sane statistics. */
export function createSimulator(options: SimulatorOptions): Simulator {
  const now = options.now ?? Date.now;
  const markets = options.markets ?? DEMO_MARKETS;
  const dt = options.tickMs / DAY_MS;
  const states = new Map<string, MarketState>();
  const byId = new Map<string, MarketSpec>();

  for (const spec of markets) {
    const rng = marketRng(options.seed, spec.symbol);
    const priceScale = 10 ** spec.priceDecimals;
    const unitsPerTick = (spec.quoteVolume / spec.price) * dt * 10 ** spec.amountDecimals;
    const reference = options.reference?.(spec) ?? spec.price;
    const window = createWindow({
      spec: { ...spec, price: reference },
      rng,
      tickMs: options.tickMs,
      reversionPerDay: REVERSION_PER_DAY,
    });
    // The walk starts at the reference itself, not at the synthetic day's last close: that day only feeds the
    // 24h statistics, while the candles served end exactly at the reference.
    const close =
      options.reference === undefined ? window.lastClose() : Math.max(1, Math.round(reference * priceScale));
    const initial: ModelState = {
      spec,
      logRef: Math.log(reference),
      rng,
      logMid: Math.log(close / priceScale),
      tickIndex: 0,
      bid: Math.max(1, close - 1),
      ask: Math.max(1, close - 1) + 1,
      last: close,
      lastQty: Math.max(1, Math.round(unitsPerTick)),
      bidQty: Math.max(1, Math.round(unitsPerTick * 2)),
      askQty: Math.max(1, Math.round(unitsPerTick * 2)),
      window,
      // A large, seed-dependent trade id, as on a long-lived exchange.
      lastTradeId: 1e8 + Math.floor(rng() * 1e9),
    };
    states.set(spec.symbol, { ...initial, snapshot: snapshot(initial, now()) });
    byId.set(spec.id, spec);
  }

  function advance(state: ModelState): void {
    const { spec, rng } = state;
    const scale = 10 ** spec.priceDecimals;
    state.logMid +=
      REVERSION_PER_DAY * (state.logRef - state.logMid) * dt + spec.dailyVol * Math.sqrt(dt) * gaussian(rng);
    const midUnits = Math.exp(state.logMid) * scale;
    const spread = 1 + Math.floor(rng() * 3);
    state.bid = Math.max(1, Math.floor(midUnits - spread / 2));
    state.ask = state.bid + spread;
    // A trade prints at the touch: either someone sold into the bid or bought the ask.
    state.last = rng() < 0.5 ? state.bid : state.ask;
    const unitsPerTick = (spec.quoteVolume / spec.price) * dt * 10 ** spec.amountDecimals;
    const volume = Math.max(1, Math.round(unitsPerTick * Math.exp(0.8 * gaussian(rng) - 0.32)));
    const tradesPerSecond = Math.max(0.5, Math.log10(spec.quoteVolume));
    const trades = Math.max(1, Math.round(tradesPerSecond * (options.tickMs / 1000) * (0.5 + rng())));
    state.lastQty = Math.min(volume, Math.max(1, Math.round((2 * volume * rng()) / trades)));
    state.bidQty = Math.max(1, Math.round(unitsPerTick * 4 * rng()));
    state.askQty = Math.max(1, Math.round(unitsPerTick * 4 * rng()));
    state.lastTradeId += trades;
    state.tickIndex += 1;
    const quote = (volume / 10 ** spec.amountDecimals) * (state.last / scale);
    state.window.record(state.last, volume, quote, trades);
    options.onTrade?.({
      symbol: spec.symbol,
      time: now(),
      price: state.last,
      baseUnits: volume,
      quote,
      trades,
      takerBuy: state.last === state.ask,
    });
  }

  return {
    markets,
    market: (symbol) => states.get(symbol)?.spec,
    marketById: (id) => byId.get(id),
    step(symbol) {
      const state = states.get(symbol);
      if (state === undefined) throw new Error(`demo exchange: unknown market ${symbol}`);
      advance(state);
      state.snapshot = snapshot(state, now());
      return state.snapshot;
    },
    ticker: (symbol) => states.get(symbol)?.snapshot,
    tickers: () => [...states.values()].map((state) => state.snapshot),
  };
}

function snapshot(state: ModelState, timestamp: number): DemoTicker {
  const { spec } = state;
  const pd = spec.priceDecimals;
  const ad = spec.amountDecimals;
  const stats = state.window.stats();
  const change = state.last - stats.open;
  const baseVolume = fromUnits(stats.baseUnits, ad);
  // Frozen so a test or a fault that tampers with a returned ticker cannot reach the model.
  return Object.freeze({
    symbol: spec.symbol,
    id: spec.id,
    last: fromUnits(state.last, pd),
    lastQty: fromUnits(state.lastQty, ad),
    bid: fromUnits(state.bid, pd),
    bidQty: fromUnits(state.bidQty, ad),
    ask: fromUnits(state.ask, pd),
    askQty: fromUnits(state.askQty, ad),
    open: fromUnits(stats.open, pd),
    high: fromUnits(Math.max(stats.high, state.last), pd),
    low: fromUnits(Math.min(stats.low, state.last), pd),
    prevClose: fromUnits(stats.prevClose, pd),
    change: fromUnits(change, pd),
    percentage: Math.round((change / stats.open) * 100_000) / 1000,
    vwap: baseVolume > 0 ? Number((stats.quote / baseVolume).toFixed(8)) : fromUnits(state.last, pd),
    baseVolume,
    quoteVolume: Number(stats.quote.toFixed(8)),
    firstTradeId: state.lastTradeId - stats.trades + 1,
    lastTradeId: state.lastTradeId,
    tradeCount: stats.trades,
    timestamp,
    tickIndex: state.tickIndex,
  });
}
