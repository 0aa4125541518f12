/** Throttled, conflated market diffs: one message per window per subscription group, encoded once per room. */
import type { Server, Socket } from 'socket.io';
import type { Logger } from 'pino';
import type { MarketDiff, MarketSnapshot, StreamId, Subscription } from '../../lib/protocol';
import type { CandleState } from '../market/candle-state';
import { delayUntilNext, effectiveFrequency, windowMs } from './throttle';
import type { MarketState } from '../market/market-state';
import { bufferedBytes } from './buffered-bytes';
import { SubscriptionGroup } from './subscription-group';

/** Settings of the push engine. */
export interface PushOptions {
  /** Highest rate a client may get, messages per second. */
  maxFrequency: number;
  /** A client with more than this queued gets no diffs until it drains. */
  slowClientBufferBytes: number;
  /** Unique per process start, so sequences of a restarted server never look like a continuation. */
  epochPrefix: string;
  now?: () => number;
  /** How often held clients are checked for a drained buffer. */
  drainCheckMs?: number;
  /** The timers windows and drain checks run on; default the global ones. */
  timers?: PushTimers;
}

/** The timer functions the push engine uses, so a test can run it on a fake clock. */
export type PushTimers = Pick<
  typeof globalThis,
  'setTimeout' | 'clearTimeout' | 'setInterval' | 'clearInterval'
>;

/** Counters for benchmarks and metrics. */
export interface PushStats {
  groups: number;
  diffsSent: number;
  deliveries: number;
  diffsSkipped: number;
  heldClients: number;
  snapshotsAfterDrain: number;
}

/** What the socket handlers need of whoever manages subscriptions (the push engine, or a benchmark baseline). */
export type Subscriptions = Pick<
  PushEngine,
  'subscribe' | 'resync' | 'subscriptionOf' | 'remove' | 'subscribedStreams'
>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnySocket = Socket<any, any, any, any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyServer = Server<any, any, any, any>;

/** Owns every subscription group and decides when and to whom diffs go. */
export class PushEngine {
  private readonly groups = new Map<string, SubscriptionGroup>();
  private readonly byStream = new Map<StreamId, Set<SubscriptionGroup>>();
  private readonly groupOf = new Map<string, SubscriptionGroup>();
  private readonly now: () => number;
  private readonly timers: PushTimers;
  private readonly stopListening: () => void;
  private drainTimer: NodeJS.Timeout | null = null;
  private groupCounter = 0;
  private readonly counters = { diffsSent: 0, deliveries: 0, diffsSkipped: 0, snapshotsAfterDrain: 0 };

  constructor(
    private readonly io: AnyServer,
    private readonly market: MarketState,
    private readonly options: PushOptions,
    private readonly log: Logger,
    private readonly candles?: CandleState,
  ) {
    this.now = options.now ?? (() => performance.timeOrigin + performance.now());
    this.timers = options.timers ?? globalThis;
    const stopMarket = market.onChange((stream) => this.onMarketChange(stream, 'ticker'));
    const stopCandles = candles?.onChange((stream) => this.onMarketChange(stream, 'candle'));
    this.stopListening = () => {
      stopMarket();
      stopCandles?.();
    };
  }

  /** Sets a socket's whole subscription; returns the snapshot it must start from and what it got. */
  subscribe(
    socket: AnySocket,
    streams: readonly StreamId[],
    requestedFrequency: number | undefined,
  ): { snapshot: MarketSnapshot; subscription: Subscription } {
    const frequency = effectiveFrequency(requestedFrequency, this.options.maxFrequency);
    const unique = [...new Set(streams)];
    this.leave(socket);
    const key = SubscriptionGroup.keyOf(unique, frequency);
    let group = this.groups.get(key);
    if (!group) group = this.createGroup(key, unique, frequency);
    group.members.set(socket.id, socket);
    this.groupOf.set(socket.id, group);
    // Joining is synchronous with the acknowledgement that carries the snapshot, so no diff of this
    // group can reach the socket before its base state does.
    void socket.join(group.room);
    return {
      snapshot: group.snapshot(),
      subscription: { streams: [...group.streams], maxFrequency: frequency },
    };
  }

  /** The snapshot of the socket's current subscription, for a resync. */
  resync(socket: AnySocket): { snapshot: MarketSnapshot; subscription: Subscription } {
    const group = this.groupOf.get(socket.id);
    if (!group) return this.subscribe(socket, [], undefined);
    return {
      snapshot: group.snapshot(),
      subscription: { streams: [...group.streams], maxFrequency: group.frequency },
    };
  }

  /** The socket's subscription as applied, or null before its first subscribe. */
  subscriptionOf(socket: AnySocket): Subscription | null {
    const group = this.groupOf.get(socket.id);
    return group ? { streams: [...group.streams], maxFrequency: group.frequency } : null;
  }

  /** Forgets a socket (disconnect). */
  remove(socket: AnySocket): void {
    this.leave(socket);
  }

  /** Every stream somebody is subscribed to. */
  subscribedStreams(): StreamId[] {
    return [...this.byStream.keys()];
  }

  /** Counters since start. */
  stats(): PushStats {
    let held = 0;
    for (const group of this.groups.values()) held += group.held.size;
    return { groups: this.groups.size, heldClients: held, ...this.counters };
  }

  /** Stops timers and listening; sockets are the server's to close. */
  close(): void {
    this.stopListening();
    for (const group of this.groups.values()) if (group.timer) this.timers.clearTimeout(group.timer);
    if (this.drainTimer) this.timers.clearInterval(this.drainTimer);
    this.drainTimer = null;
  }

  private createGroup(key: string, streams: StreamId[], frequency: number): SubscriptionGroup {
    const epoch = `${this.options.epochPrefix}.${(++this.groupCounter).toString(36)}`;
    const group = new SubscriptionGroup(
      key,
      epoch,
      streams,
      frequency,
      windowMs(frequency),
      (s) => this.market.get(s),
      (s) => this.candles?.get(s),
    );
    this.groups.set(key, group);
    for (const stream of streams) {
      let set = this.byStream.get(stream);
      if (!set) this.byStream.set(stream, (set = new Set()));
      set.add(group);
    }
    return group;
  }

  private leave(socket: AnySocket): void {
    const group = this.groupOf.get(socket.id);
    if (!group) return;
    this.groupOf.delete(socket.id);
    group.members.delete(socket.id);
    group.held.delete(socket.id);
    void socket.leave(group.room);
    if (group.isEmpty()) this.dropGroup(group);
  }

  private dropGroup(group: SubscriptionGroup): void {
    if (group.timer) this.timers.clearTimeout(group.timer);
    this.groups.delete(group.key);
    for (const stream of group.streams) {
      const set = this.byStream.get(stream);
      set?.delete(group);
      if (set?.size === 0) this.byStream.delete(stream);
    }
  }

  private onMarketChange(stream: StreamId, kind: 'ticker' | 'candle'): void {
    const groups = this.byStream.get(stream);
    if (!groups) return;
    for (const group of groups) {
      (kind === 'ticker' ? group.conflator : group.candles).markDirty(stream);
      this.schedule(group);
    }
  }

  private schedule(group: SubscriptionGroup): void {
    if (group.timer) return;
    const delay = delayUntilNext(group.lastSentAt, group.windowMs, this.now());
    group.timer = this.timers.setTimeout(() => this.flush(group), delay);
  }

  private flush(group: SubscriptionGroup): void {
    group.timer = null;
    if (this.groups.get(group.key) !== group) return;
    const now = this.now();
    // Timers may fire a hair early; the window is a promise to clients, so wait out the rest.
    if (delayUntilNext(group.lastSentAt, group.windowMs, now) > 0) return this.schedule(group);
    const changes = group.conflator.take((s) => this.market.get(s));
    const candles = group.candles.take((s) => this.candles?.get(s));
    if (!changes && !candles) return;
    this.holdSlowMembers(group);
    group.seq += 1;
    group.lastSentAt = now;
    this.counters.diffsSkipped += group.held.size;
    if (group.members.size === 0) return;
    // Local: a group and its room belong to this instance; with the Redis adapter a plain emit would also
    // publish every diff to every other instance, for nobody there.
    const diff: MarketDiff = { epoch: group.epoch, seq: group.seq, changes: changes ?? {} };
    if (candles) diff.candles = candles;
    this.io.local.to(group.room).emit('market:diff', diff);
    this.counters.diffsSent += 1;
    this.counters.deliveries += group.members.size;
  }

  private holdSlowMembers(group: SubscriptionGroup): void {
    const limit = this.options.slowClientBufferBytes;
    for (const [id, socket] of group.members) {
      if (bufferedBytes(socket) <= limit) continue;
      group.members.delete(id);
      group.held.set(id, socket);
      void socket.leave(group.room);
      this.log.debug({ socket: id }, 'client buffer full; holding diffs until it drains');
    }
    if (group.held.size > 0 && !this.drainTimer) {
      this.drainTimer = this.timers.setInterval(
        () => this.releaseDrained(),
        this.options.drainCheckMs ?? 100,
      );
      this.drainTimer.unref();
    }
  }

  private releaseDrained(): void {
    let stillHeld = 0;
    const lowWater = this.options.slowClientBufferBytes / 4;
    for (const group of this.groups.values()) {
      for (const [id, socket] of group.held) {
        if (!socket.connected) {
          group.held.delete(id);
          continue;
        }
        if (bufferedBytes(socket) > lowWater) {
          stillHeld++;
          continue;
        }
        group.held.delete(id);
        group.members.set(id, socket);
        void socket.join(group.room);
        socket.emit('market:snapshot', group.snapshot());
        this.counters.snapshotsAfterDrain += 1;
      }
    }
    if (stillHeld === 0 && this.drainTimer) {
      this.timers.clearInterval(this.drainTimer);
      this.drainTimer = null;
    }
  }
}
