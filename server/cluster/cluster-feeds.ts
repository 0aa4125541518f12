/**
 * The exchange feeds of a cluster: one instance, the holder of a Redis lease, runs them (a local FeedManager) and
 * publishes every change of its market state through the FeedRelay; every other instance applies those changes to
 * its own market state, so each keeps its history and serves its clients as if it ran the feeds itself. Each
 * instance tells the leader which streams its clients, watchlists, holdings and alerts need.
 */
import type { Logger } from 'pino';
import type { FeedStatus, StreamId } from '../../lib/protocol';
import { checkStream, searchMarkets } from '../feeds/catalog';
import { initialStatus } from '../feeds/feed-status';
import type { Feeds } from '../feeds/catalog';
import type { FeedManager } from '../feeds/feed-manager';
import type { ExchangeSpec, MarketInfo } from '../feeds/types';
import type { MarketState } from '../market/market-state';
import type { FeedRelay, Snapshot } from './feed-relay';
import type { Lease } from './lease';

/** How often the leader says its statuses (the heartbeat followers listen for) and checks demand. */
const BEAT_MS = 1_000;
/** Followers repeat their demand this often; the leader forgets a demand not repeated for three times as long. */
const DEMAND_EVERY_MS = 5_000;
const DEMAND_KEPT_MS = 3 * DEMAND_EVERY_MS;

export interface ClusterFeedsOptions {
  specs: readonly ExchangeSpec[];
  market: MarketState;
  relay: FeedRelay;
  /** The lease of the feed leadership, calling `onChange` when this instance gains or loses it. */
  lease(onChange: (holding: boolean) => void): Lease;
  /** A new local feed manager, for each term as leader. */
  local(): FeedManager;
  /** This instance's id in the cluster. */
  instance: string;
  log: Logger;
  /** Without a word from the leader for this long, followers say the feeds are down and the values stale. */
  silenceMs?: number;
}

export class ClusterFeeds implements Feeds {
  private local: FeedManager | null = null;
  private stopLocalStatus: (() => void) | null = null;
  private readonly markets = new Map<string, ReadonlyMap<string, MarketInfo>>();
  private statusList: FeedStatus[];
  private readonly listeners = new Set<(statuses: FeedStatus[]) => void>();
  private readonly leadingListeners = new Set<() => void>();
  private demand = new Set<StreamId>();
  private readonly others = new Map<string, { streams: StreamId[]; at: number }>();
  private timer: NodeJS.Timeout | null = null;
  private lastDemandSent = 0;
  private lastHeard = Date.now();
  private silent = false;
  private stepping: Promise<void> = Promise.resolve();
  private readonly silenceMs: number;
  private readonly lease: Lease;

  constructor(private readonly options: ClusterFeedsOptions) {
    this.silenceMs = options.silenceMs ?? 3_000;
    for (const spec of options.specs) this.markets.set(spec.id, new Map());
    this.statusList = options.specs.map(initialStatus);
    // Only the leader's own changes go out; a follower's come from the leader.
    options.market.onChange((stream, ticker) => {
      if (this.local) options.relay.ticker(stream, ticker);
    });
    options.relay.reconnected = () => this.publishEverything();
    this.lease = options.lease((holding) => {
      this.stepping = this.stepping.then(() => (holding ? this.lead() : this.follow()));
    });
  }

  /** True while this instance runs the feeds. */
  get leading(): boolean {
    return this.local !== null;
  }

  start(): void {
    this.options.relay.start({
      following: () => !this.local,
      entry: (entry) => {
        this.heard();
        if (entry.kind === 'tick') this.options.market.put(entry.stream, entry.ticker);
        else this.takeStatuses(entry.statuses);
      },
      snapshot: (snapshot) => this.takeSnapshot(snapshot),
      control: (entry) => {
        if (entry.kind === 'ask' && !this.local) this.sendDemand();
        if (entry.kind === 'demand' && this.local && entry.instance !== this.options.instance) {
          const known = this.others.get(entry.instance)?.streams;
          this.others.set(entry.instance, { streams: entry.streams, at: Date.now() });
          // The refresh every few seconds usually repeats what the leader knows.
          if (!known || known.join() !== entry.streams.join()) this.applyDemand();
        }
      },
    });
    this.lease.start();
    this.timer = setInterval(() => this.beat(), BEAT_MS);
    this.timer.unref();
    this.sendDemand();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    // Released at once, so another instance takes over without waiting for the lease to expire.
    await this.lease.stop();
    await this.stepping;
    await this.follow();
    await this.options.relay.stop();
  }

  setDemand(streams: Iterable<StreamId>): void {
    const next = new Set(streams);
    // Most subscriptions change nothing of the union: the leader hears only of a change (and the refresh).
    const same = next.size === this.demand.size && [...next].every((s) => this.demand.has(s));
    this.demand = next;
    if (this.local) this.applyDemand();
    else if (!same) this.sendDemand();
  }

  statuses(): FeedStatus[] {
    if (this.local) return this.local.statuses();
    // The markets this instance has read, not the leader's count: until it has them, it cannot check a stream.
    return this.statusList.map((s) => ({ ...s, markets: this.markets.get(s.exchange)?.size ?? 0 }));
  }

  /** Calls `listener` each time this instance starts running the feeds (a new term). */
  onLeading(listener: () => void): void {
    this.leadingListeners.add(listener);
  }

  onStatus(listener: (statuses: FeedStatus[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  simulated(): boolean {
    return this.options.specs.some((spec) => spec.simulated);
  }

  hasMarket(exchange: string, symbol: string): boolean {
    return this.markets.get(exchange)?.has(symbol) ?? false;
  }

  marketsOf(exchange: string): ReadonlyMap<string, MarketInfo> | undefined {
    return this.markets.get(exchange);
  }

  check(stream: string): { exchange: string; symbol: string } {
    return checkStream((exchange) => this.markets.get(exchange), stream);
  }

  search(exchange: string, query: string, limit: number): MarketInfo[] {
    return searchMarkets((id) => this.markets.get(id), exchange, query, limit);
  }

  private async lead(): Promise<void> {
    if (this.local) return;
    const { relay, log } = this.options;
    log.info('this instance now runs the exchange feeds');
    const local = this.options.local();
    this.local = local;
    this.others.clear();
    this.silent = false;
    relay.lead();
    this.stopLocalStatus = local.onStatus((statuses) => this.localStatuses(statuses));
    local.start();
    this.applyDemand();
    this.publishEverything();
    relay.control({ kind: 'ask', instance: this.options.instance });
    for (const listener of this.leadingListeners) listener();
  }

  private async follow(): Promise<void> {
    const local = this.local;
    if (!local) return;
    this.options.log.info('this instance no longer runs the exchange feeds');
    this.local = null;
    this.stopLocalStatus?.();
    this.options.relay.follow();
    this.lastHeard = Date.now();
    await local.stop();
  }

  private beat(): void {
    const now = Date.now();
    if (this.local) {
      for (const [instance, { at }] of this.others)
        if (now - at > DEMAND_KEPT_MS) {
          this.others.delete(instance);
          this.applyDemand();
        }
      this.options.relay.statuses(this.local.statuses());
      return;
    }
    if (now - this.lastDemandSent >= DEMAND_EVERY_MS) this.sendDemand();
    if (!this.silent && now - this.lastHeard > this.silenceMs) this.goSilent(now);
  }

  // No leader heard from: nobody may take the values for current.
  private goSilent(now: number): void {
    this.silent = true;
    const message = `No feed leader heard from for ${Math.round((now - this.lastHeard) / 1000)} s`;
    this.statusList = this.statusList.map((s) => ({ ...s, state: 'down', lastError: { message, at: now } }));
    for (const stream of [...this.options.market.streams()]) this.options.market.setStale(stream, true);
    this.emit();
  }

  private heard(): void {
    this.lastHeard = Date.now();
    if (!this.silent) return;
    // Values were marked stale meanwhile: the whole state again puts them right.
    this.silent = false;
    this.options.relay.snapshotNext();
  }

  private sendDemand(): void {
    this.lastDemandSent = Date.now();
    this.options.relay.control({
      kind: 'demand',
      instance: this.options.instance,
      streams: [...this.demand],
    });
  }

  private applyDemand(): void {
    if (!this.local) return;
    const all = new Set(this.demand);
    for (const { streams } of this.others.values()) for (const stream of streams) all.add(stream);
    this.local.setDemand(all);
  }

  private localStatuses(statuses: FeedStatus[]): void {
    const local = this.local;
    if (!local) return;
    for (const status of statuses) {
      const markets = local.marketsOf(status.exchange);
      // A new term's feeds load their markets again; until then the ones known from the last leader serve.
      if (markets && markets.size > 0 && markets.size !== this.markets.get(status.exchange)?.size) {
        this.markets.set(status.exchange, markets);
        this.options.relay.markets(status.exchange, [...markets.values()]);
      }
    }
    this.options.relay.statuses(statuses);
    this.emit();
  }

  private publishEverything(): void {
    const local = this.local;
    if (!local) return;
    const { market, relay } = this.options;
    for (const [exchange, markets] of this.markets)
      if (markets.size > 0) relay.markets(exchange, [...markets.values()]);
    const tickers = [...market.streams()].flatMap((stream) => {
      const ticker = market.get(stream);
      return ticker ? [[stream, ticker] as [StreamId, typeof ticker]] : [];
    });
    relay.everything(tickers, local.statuses());
  }

  private takeSnapshot(snapshot: Snapshot): void {
    this.heard();
    for (const [exchange, markets] of snapshot.markets)
      if (this.markets.has(exchange)) this.markets.set(exchange, new Map(markets.map((m) => [m.symbol, m])));
    for (const [stream, ticker] of snapshot.tickers) this.options.market.put(stream, ticker);
    if (snapshot.statuses) this.takeStatuses(snapshot.statuses);
  }

  private takeStatuses(statuses: FeedStatus[]): void {
    const configured = statuses.filter((s) => this.markets.has(s.exchange));
    const changed = visiblyChanged(this.statusList, configured);
    this.statusList = configured;
    for (const status of configured) {
      if (status.markets === this.markets.get(status.exchange)?.size) continue;
      void this.options.relay
        .readMarkets(status.exchange)
        .then((markets) => {
          if (markets) this.markets.set(status.exchange, new Map(markets.map((m) => [m.symbol, m])));
          this.emit();
        })
        .catch((err: unknown) => this.options.log.warn({ err }, 'could not read the leader’s markets'));
    }
    if (changed) this.emit();
  }

  private emit(): void {
    const statuses = this.statuses();
    for (const listener of this.listeners) listener(statuses);
  }
}

// The heartbeat repeats the statuses every second; only a change clients would see is passed on (lastTickAt
// moves with every tick and is read when asked, as on a single instance).
function visiblyChanged(prev: FeedStatus[], next: FeedStatus[]): boolean {
  const shown = (list: FeedStatus[]) => JSON.stringify(list.map(({ lastTickAt: _, ...rest }) => rest));
  return shown(prev) !== shown(next);
}
