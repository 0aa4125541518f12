/** The simulated Kraken spot exchange: Kraken's public REST and WebSocket v2 on loopback, seeded prices. */
import { createVenueMarkets } from '../live-candles';
import { createFaults, switchesOf } from '../faults';
import { hashString, mulberry32 } from '../prng';
import { listen } from '../server';
import type { SimulatedExchange, VenueOptions } from '../venue';
import { KRAKEN_PAIRS } from './markets';
import { createKrakenRestHandler } from './rest';
import { startTrading } from './trades';
import { createKrakenHub } from './ws-hub';

export { KRAKEN_ASSETS, KRAKEN_PAIRS } from './markets';
export type { KrakenAsset, KrakenPair } from './markets';

/** Starts the simulator, its trade clock and its HTTP+WebSocket server; resolves once listening. */
export async function startKrakenExchange(options: VenueOptions = {}): Promise<SimulatedExchange> {
  const { seed = 42, host = '127.0.0.1', port = 0, tickMs = 1000 } = options;
  if (!Number.isInteger(seed)) throw new RangeError(`kraken exchange: seed must be an integer, got ${seed}`);
  if (!(Number.isInteger(tickMs) && tickMs >= 1)) {
    throw new RangeError(`kraken exchange: tickMs must be an integer >= 1, got ${tickMs}`);
  }
  const pairs = KRAKEN_PAIRS;
  const now = options.now ?? Date.now;
  // OHLC comes from the path before the start and from the simulator's own prints after it.
  const { candles, simulator } = createVenueMarkets({
    seed,
    historySeed: options.historySeed ?? seed,
    tickMs,
    now,
    markets: pairs,
  });
  // The hub is created after the faults, but the hooks only run later, when a test or a user flips a switch.
  const faults = createFaults({
    dropConnections: () => hub.dropAll(),
    resumed: () => hub.flushHeld(),
    delivered: () => hub.delivered(),
  });
  const hub = createKrakenHub({
    faults,
    simulator,
    pairs,
    heartbeatMs: tickMs,
    rng: mulberry32(hashString('kraken-connections') ^ seed),
    now,
  });
  const server = await listen({
    host,
    port,
    hub,
    internalError: '{"error":["EGeneral:Internal error"]}',
    rest: createKrakenRestHandler({ simulator, pairs, faults, now, candles }),
  });
  const stopTrading = startTrading({
    simulator,
    pairs,
    seed,
    tickMs,
    paused: faults.isStalled,
    quiet: faults.isQuiet,
    onTrade: hub.publishTrade,
  });
  let closing: Promise<void> | undefined;
  return {
    id: 'kraken',
    url: server.url,
    port: server.port,
    faults: switchesOf(faults),
    symbols: () => pairs.map((pair) => pair.symbol),
    connections: () => hub.connections(),
    subscribed: () => hub.subscribed(),
    close() {
      if (closing === undefined) {
        stopTrading();
        closing = server.close();
      }
      return closing;
    },
  };
}
