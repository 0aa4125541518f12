/** Runs one feed per configured exchange, routes their ticks into the market state and answers what markets exist. */
import type { Logger } from 'pino';
import type { FeedStatus, StreamId } from '../../lib/protocol';
import { parseStreamId, streamId } from '../../lib/stream-id';
import type { MarketState } from '../market/market-state';
import { checkStream, searchMarkets } from './catalog';
import type { Feeds } from './catalog';
import { createExchangeFeed } from './exchange-feed';
import type { ExchangeFeed, FeedOptions } from './exchange-feed';
import type { ExchangeSpec, MarketInfo } from './types';

interface Entry {
  spec: ExchangeSpec;
  feed: ExchangeFeed;
}

/** Owns the exchange feeds. */
export class FeedManager implements Feeds {
  private readonly entries = new Map<string, Entry>();
  private readonly statusListeners = new Set<(statuses: FeedStatus[]) => void>();
  private demand = new Set<StreamId>();

  constructor(
    specs: readonly ExchangeSpec[],
    private readonly market: MarketState,
    log: Logger,
    feedOptions: Partial<FeedOptions> = {},
  ) {
    for (const spec of specs) {
      const feed: ExchangeFeed = createExchangeFeed(
        spec,
        {
          ticker: (symbol, fields, receivedAt) => {
            const info = feed.markets().get(symbol);
            this.market.apply(streamId(spec.id, symbol), fields, receivedAt, {
              priceDecimals: info?.priceDecimals ?? null,
              amountDecimals: info?.amountDecimals ?? null,
            });
          },
          // The last good value stays, but nobody may take it for current.
          invalid: (symbol) => {
            if (symbol) this.market.setStale(streamId(spec.id, symbol), true);
          },
          status: (status) => this.updateStatus(spec, status),
          markets: () => {},
        },
        { log: log.child({ exchange: spec.id }), ...feedOptions },
      );
      this.entries.set(spec.id, { spec, feed });
    }
  }

  /** Starts every feed. */
  start(): void {
    for (const entry of this.entries.values()) entry.feed.start();
  }

  /** Stops every feed and waits for their loops to end. */
  async stop(): Promise<void> {
    await Promise.all([...this.entries.values()].map((entry) => entry.feed.stop()));
  }

  /** Sets the streams that must be watched; each feed gets its own exchange's symbols. */
  setDemand(streams: Iterable<StreamId>): void {
    const next = new Set(streams);
    // Values of streams nobody watches any more stop updating: say so rather than show them as current.
    for (const stream of this.demand) if (!next.has(stream)) this.market.setStale(stream, true);
    this.demand = next;
    const byExchange = new Map<string, string[]>([...this.entries.keys()].map((id) => [id, []]));
    for (const stream of next) {
      const ref = parseStreamId(stream);
      if (ref) byExchange.get(ref.exchange)?.push(ref.symbol);
    }
    for (const [id, symbols] of byExchange) this.entries.get(id)?.feed.setSymbols(symbols);
  }

  /** The current health of every feed. */
  statuses(): FeedStatus[] {
    // Read live: lastTickAt moves with every tick but is never reported on its own.
    return [...this.entries.values()].map((entry) => entry.feed.status());
  }

  /** True when any feed gives simulated prices. */
  simulated(): boolean {
    return [...this.entries.values()].some((entry) => entry.spec.simulated);
  }

  /** Calls `listener` with all statuses whenever one changes; returns a function that stops it. */
  onStatus(listener: (statuses: FeedStatus[]) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /** True when the exchange is configured and its loaded markets include the symbol. */
  hasMarket(exchange: string, symbol: string): boolean {
    return this.entries.get(exchange)?.feed.markets().has(symbol) ?? false;
  }

  /** An exchange's loaded markets (empty until loaded); undefined when the exchange is not configured. */
  marketsOf(exchange: string): ReadonlyMap<string, MarketInfo> | undefined {
    return this.entries.get(exchange)?.feed.markets();
  }

  check(stream: string): { exchange: string; symbol: string } {
    return checkStream((exchange) => this.marketsOf(exchange), stream);
  }

  search(exchange: string, query: string, limit: number): MarketInfo[] {
    return searchMarkets((id) => this.marketsOf(id), exchange, query, limit);
  }

  private updateStatus(spec: ExchangeSpec, status: FeedStatus): void {
    if (status.state === 'stale' || status.state === 'down') {
      const prefix = `${spec.id}:`;
      for (const stream of [...this.market.streams()])
        if (stream.startsWith(prefix)) this.market.setStale(stream, true);
    }
    // A stream judged stale on its own (F4, F5, F7); its next valid tick clears the mark.
    for (const [symbol, health] of Object.entries(status.streams))
      if (health.state === 'stale') this.market.setStale(streamId(spec.id, symbol), true);
    const all = this.statuses();
    for (const listener of this.statusListeners) listener(all);
  }
}
