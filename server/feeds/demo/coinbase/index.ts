/** The simulated Coinbase: a seeded Advanced Trade-compatible spot exchange on loopback, for offline mode and tests. */
import { createVenueMarkets } from '../live-candles';
import { createFaults, switchesOf } from '../faults';
import { listen } from '../server';
import type { SimulatedExchange, VenueOptions } from '../venue';
import { ALIAS_PRODUCTS, COINBASE_MARKETS } from './catalogue';
import { createProductIndex } from './catalogue-index';
import { createRestHandler } from './rest';
import { startTrading } from './trading';
import { createCoinbaseFeed } from './ws-feed';

/** Options of the simulated Coinbase: the common ones plus the subscribe deadline, shortened in tests. */
export interface CoinbaseOptions extends VenueOptions {
  /** A WebSocket that has not subscribed by then is closed; default 5000 ms, real time as Coinbase documents. */
  subscribeTimeoutMs?: number;
}

function checkOptions(seed: number, tickMs: number, subscribeTimeoutMs: number): void {
  if (!Number.isInteger(seed)) throw new RangeError(`coinbase demo: seed must be an integer, got ${seed}`);
  if (!(Number.isInteger(tickMs) && tickMs >= 1)) {
    throw new RangeError(`coinbase demo: tickMs must be an integer >= 1, got ${tickMs}`);
  }
  if (!(Number.isInteger(subscribeTimeoutMs) && subscribeTimeoutMs >= 1)) {
    throw new RangeError(
      `coinbase demo: subscribeTimeoutMs must be an integer >= 1, got ${subscribeTimeoutMs}`,
    );
  }
}

/** Starts the model, its trading clock and the HTTP+WebSocket server; resolves once listening. */
export async function startCoinbaseExchange(options: CoinbaseOptions = {}): Promise<SimulatedExchange> {
  const { seed = 42, host = '127.0.0.1', port = 0, tickMs = 1000, subscribeTimeoutMs = 5000 } = options;
  checkOptions(seed, tickMs, subscribeTimeoutMs);
  const now = options.now ?? Date.now;
  // Candles come from the path before the start and from the simulator's own prints after it.
  const { candles, simulator } = createVenueMarkets({
    seed,
    historySeed: options.historySeed ?? seed,
    tickMs,
    now,
    markets: COINBASE_MARKETS,
  });
  const index = createProductIndex(COINBASE_MARKETS, ALIAS_PRODUCTS);
  // The feed is created after the faults, but the hooks only run later, when a test or a user flips a switch.
  const faults = createFaults({
    dropConnections: () => feed.dropAll(),
    resumed: () => feed.flushHeld(),
    delivered: () => feed.delivered(),
  });
  const feed = createCoinbaseFeed({
    index,
    simulator,
    faults,
    now,
    heartbeatMs: tickMs,
    subscribeTimeoutMs,
  });
  // A -USDC product trades on its -USD market: quieting either symbol quiets the one market both carry.
  const quietSymbols = (id: string) => index.products.filter((p) => p.market.id === id).map((p) => p.symbol);
  const trading = startTrading({
    simulator,
    markets: COINBASE_MARKETS,
    seed,
    tickMs,
    paused: faults.isStalled,
    isQuiet: (market) => quietSymbols(market.id).some(faults.isQuiet),
    onTrade: feed.publishTrade,
    onBatch: feed.publishBatch,
  });
  const rest = createRestHandler({ simulator, index, trading, faults, candles, now });
  const server = await listen({
    host,
    port,
    hub: feed,
    rest,
    internalError: '{"error":"INTERNAL","error_details":"internal error","message":"internal error"}',
  }).catch((error: unknown) => {
    trading.stop();
    feed.close();
    throw error;
  });
  let closing: Promise<void> | undefined;
  return {
    id: 'coinbase',
    url: server.url,
    port: server.port,
    faults: switchesOf(faults),
    symbols: () => index.products.map((p) => p.symbol),
    connections: () => feed.connections(),
    subscribed: () => feed.subscribed(),
    close() {
      if (closing === undefined) {
        trading.stop();
        closing = server.close();
      }
      return closing;
    },
  };
}
