/** The simulated Binance: a seeded, Binance-compatible spot exchange on loopback, for offline mode and tests. */
import { createBinanceAccount } from './binance-account/index';
import type { DemoBinanceAccount } from './binance-account/index';
import { createFaults, switchesOf } from './faults';
import { createVenueMarkets } from './live-candles';
import { createRestHandler } from './rest';
import { startTicking } from './scheduler';
import { listen } from './server';
import type { DemoTicker } from './simulator';
import type { SimulatedExchange, VenueOptions } from './venue';
import { API_WEIGHT_HEADERS, SAPI_WEIGHT_HEADERS, createWeightMeter } from './weight-meter';
import { createWsHub } from './ws-hub';

export type { DemoBinanceAccount } from './binance-account/index';

export type { DemoFaults, GarbageKind } from './faults';
export { GARBAGE_KINDS } from './faults';
export type { DemoTicker } from './simulator';

/** Options of startDemoExchange (venue.ts); its pushes come every tickMs, default 1000 like Binance. */
export type DemoExchangeOptions = VenueOptions;

/** A running demo exchange: the simulated Binance. */
export interface DemoExchange extends SimulatedExchange {
  /** The simulator's current values (numbers), for tests. */
  ticker(symbol: string): DemoTicker | undefined;
  /** The account behind the signed endpoints (DEMO_BINANCE_KEY): its records, balances and fault switches. */
  readonly account: DemoBinanceAccount;
}

/** Starts the simulator and its HTTP+WebSocket server; resolves once listening. */
export async function startDemoExchange(options: DemoExchangeOptions = {}): Promise<DemoExchange> {
  const { seed = 42, host = '127.0.0.1', port = 0, tickMs = 1000 } = options;
  if (!Number.isInteger(seed)) throw new RangeError(`demo exchange: seed must be an integer, got ${seed}`);
  if (!(Number.isInteger(tickMs) && tickMs >= 1)) {
    throw new RangeError(`demo exchange: tickMs must be an integer >= 1, got ${tickMs}`);
  }
  const now = options.now ?? Date.now;
  // Klines come from the path before the start and from the simulator's own prints after it.
  const { candles, simulator, startedAt } = createVenueMarkets({
    seed,
    historySeed: options.historySeed ?? seed,
    tickMs,
    now,
  });
  // The hub is created after the faults, but the hooks only run later, when a test or a user flips a switch.
  const hooks = {
    dropConnections: () => hub.dropAll(),
    resumed: () => hub.flushHeld(),
    delivered: () => hub.delivered(),
  };
  const faults = createFaults(hooks);
  const hub = createWsHub(faults, {
    symbolOf: (id) => simulator.marketById(id)?.symbol,
    all: () => simulator.markets.map((spec) => spec.symbol),
  });
  // One request-weight budget for the spot API, public and signed alike; the wallet API counts its own.
  const weights = {
    api: createWeightMeter(Date.now, API_WEIGHT_HEADERS),
    sapi: createWeightMeter(Date.now, SAPI_WEIGHT_HEADERS),
  };
  const publicRest = createRestHandler({ simulator, faults, now, candles, weight: weights.api });
  const signed = createBinanceAccount({
    seed,
    end: startedAt,
    now,
    markets: simulator.markets,
    candles,
    lastPrice: (spec) => simulator.ticker(spec.symbol)?.last,
    faults,
    weights,
  });
  const server = await listen({
    host,
    port,
    hub,
    rest: (req, res) => {
      const path = new URL(req.url ?? '/', 'http://demo.invalid').pathname;
      if (signed.serves(path)) signed.handle(req, res);
      else publicRest(req, res);
    },
  });
  const stopTicking = startTicking({
    simulator,
    tickMs,
    paused: faults.isStalled,
    onTicker: hub.publishTicker,
    onArrays: hub.publishArrays,
  });
  let closing: Promise<void> | undefined;
  return {
    id: 'binance',
    url: server.url,
    port: server.port,
    faults: switchesOf(faults),
    symbols: () => simulator.markets.map((spec) => spec.symbol),
    ticker: (symbol) => simulator.ticker(symbol),
    account: signed.account,
    connections: () => hub.connections(),
    subscribed: () => hub.subscribed(),
    close() {
      if (closing === undefined) {
        stopTicking();
        closing = server.close();
      }
      return closing;
    },
  };
}
