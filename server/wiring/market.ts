/** Wiring step 2: the exchange feeds and the market state they fill, with its price history. */
import type { Logger } from 'pino';
import type { Config } from '../config';
import type { ClusterLinks } from '../cluster/links';
import type { ClusterFeeds } from '../cluster/cluster-feeds';
import type { Feeds } from '../feeds/catalog';
import type { FeedOptions } from '../feeds/exchange-feed';
import { FeedManager } from '../feeds/feed-manager';
import type { ExchangeSpec } from '../feeds/types';
import { MarketState } from '../market/market-state';
import { PriceHistory } from '../market/price-history';

/** What the market step needs. */
export interface MarketDeps {
  config: Config;
  log: Logger;
  exchanges: readonly ExchangeSpec[];
  feedOptions?: Partial<FeedOptions> | undefined;
  cluster: ClusterLinks;
}

/** The market side of the server: what the exchanges say, as the rest of the server reads it. */
export interface MarketWiring {
  market: MarketState;
  history: PriceHistory;
  feeds: Feeds;
  /** The cluster's shared feeds, when REDIS_URL is set. */
  clusterFeeds: ClusterFeeds | null;
  /** Whether this instance runs the feeds: work done once per cluster is done by it. */
  runsFeeds(): boolean;
}

/** Creates the market state and the feeds that fill it; no feed runs until `feeds.start()`. */
export function wireMarket(deps: MarketDeps): MarketWiring {
  const { config, log, exchanges, cluster } = deps;
  const market = new MarketState();
  const history = new PriceHistory(config.HISTORY_SECONDS);
  market.onChange((stream, ticker) => {
    if (ticker.last !== null && !ticker.stale) history.record(stream, ticker.receivedAt, ticker.last);
  });
  const feedOptions: Partial<FeedOptions> = { ...deps.feedOptions };
  if (config.FEED_STALL_MS !== undefined) feedOptions.watchdogMs = config.FEED_STALL_MS;
  // With REDIS_URL, one instance runs the exchange feeds and the others take its market state from Redis.
  const runFeeds = () => new FeedManager(exchanges, market, log, feedOptions);
  const clusterFeeds = cluster.feeds?.({ specs: exchanges, market, local: runFeeds }) ?? null;
  return {
    market,
    history,
    feeds: clusterFeeds ?? runFeeds(),
    clusterFeeds,
    runsFeeds: () => clusterFeeds?.leading ?? true,
  };
}
