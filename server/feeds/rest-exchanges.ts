/** One REST-only ccxt instance per configured exchange, apart from the feeds' (whose WebSocket comes and goes). */
import type { Exchange } from 'ccxt';
import type { Logger } from 'pino';
import { createCcxtExchange, reloadMarkets } from './ccxt-exchange';
import type { ExchangeSpec } from './types';

/**
 * Creates each exchange's instance on first use, markets loaded, and shares it: one ccxt rate limiter per
 * exchange for every history request the server makes (backfills, past prices, chart candles).
 */
export class RestExchanges {
  private readonly exchanges = new Map<string, Promise<Exchange>>();

  constructor(
    private readonly specs: readonly ExchangeSpec[],
    private readonly log: Logger,
  ) {}

  /** True when the exchange is configured here. */
  has(id: string): boolean {
    return this.specs.some((s) => s.id === id);
  }

  /** The instance of a configured exchange, or null; rejects while the exchange cannot be reached. */
  get(id: string): Promise<Exchange> | null {
    const spec = this.specs.find((s) => s.id === id);
    if (!spec) return null;
    let pending = this.exchanges.get(id);
    if (!pending) {
      pending = createCcxtExchange(spec, { log: (...args) => this.log.debug({ ccxt: args }, 'ccxt') }).then(
        async (ex) => {
          await reloadMarkets(ex);
          return ex;
        },
      );
      // A failed start (exchange unreachable) is tried again on the next request, not remembered.
      pending.catch(() => this.exchanges.delete(id));
      this.exchanges.set(id, pending);
    }
    return pending;
  }

  async close(): Promise<void> {
    const all = [...this.exchanges.values()];
    this.exchanges.clear();
    for (const pending of all) {
      const ex = await pending.catch(() => null);
      await ex?.close().catch(() => undefined);
    }
  }
}
