/** The demo's three simulated exchanges (Binance, Coinbase, Kraken), each on its own loopback port. */
import type { StreamId } from '../../../lib/protocol';
import type { ExchangeSpec } from '../types';
import { startCoinbaseExchange } from './coinbase/index';
import { startDemoExchange } from './index';
import { startKrakenExchange } from './kraken/index';
import type { SimulatedExchange } from './venue';

/** What the demo watches for a new account: rows from every simulated exchange, a -USDC product among them. */
export const DEMO_WATCHLIST: readonly StreamId[] = [
  'binance:BTC/USDT',
  'binance:ETH/USDT',
  'binance:SOL/USDT',
  'coinbase:BTC/USD',
  'coinbase:ETH/USDC',
  'kraken:BTC/USD',
  'kraken:DOGE/USD',
];

/** The running simulated exchanges and the EXCHANGES entries that point the feeds at them. */
export interface DemoVenues {
  exchanges: SimulatedExchange[];
  specs: ExchangeSpec[];
  close(): Promise<void>;
}

/**
 * Starts the three. They share the demo's seed for their price history, so one pair is priced alike on every
 * venue, and each ticks with a seed of its own, so their live prices differ a little, as real venues' do.
 */
export async function startDemoVenues(options: {
  seed: number;
  port: number;
  tickMs: number;
}): Promise<DemoVenues> {
  const { seed, port, tickMs } = options;
  const started: SimulatedExchange[] = [];
  try {
    started.push(await startDemoExchange({ seed, port, tickMs }));
    started.push(await startCoinbaseExchange({ seed: seed + 1, historySeed: seed, tickMs }));
    started.push(await startKrakenExchange({ seed: seed + 2, historySeed: seed, tickMs }));
  } catch (error) {
    await Promise.all(started.map((exchange) => exchange.close()));
    throw error;
  }
  return {
    exchanges: started,
    specs: started.map((exchange) => ({ id: exchange.id, url: exchange.url, simulated: true })),
    close: async () => {
      await Promise.all(started.map((exchange) => exchange.close()));
    },
  };
}
