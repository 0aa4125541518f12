/** The bench's baseline: every tick sent as a full ticker to every subscriber (no throttle, no conflation, no diffs). */
import type { Server, Socket } from 'socket.io';
import type { MarketSnapshot, StreamId, Subscription, Ticker } from '../../lib/protocol';
import type { MarketState } from '../../server/market/market-state';
import type { Subscriptions } from '../../server/push/push-engine';

/** The one event of the baseline; deliberately not part of the public protocol (lib/protocol.ts). */
export interface NaiveServerEvents {
  'market:tick': (tick: { stream: StreamId; ticker: Ticker }) => void;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnySocket = Socket<any, any, any, any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyServer = Server<any, any, any, any>;

/** No window and no sequence: the baseline has neither; 0 stands for "unthrottled" in answers. */
const UNTHROTTLED = 0;
const NAIVE_EPOCH = 'naive';

const roomOf = (stream: StreamId) => `naive:${stream}`;

/**
 * Stands in for the PushEngine's subscription methods (what the market handlers call) in the naive mode (createApp's `subscriptions`):
 * one room per stream, joined on subscribe, and one full `market:tick` per valid tick to that room.
 */
export class NaivePush implements Subscriptions {
  private readonly streamsOf = new Map<string, Set<StreamId>>();
  /** Subscribers per stream, so ticks nobody wants are not even encoded. */
  private readonly subscribers = new Map<StreamId, number>();
  private readonly stopListening: () => void;

  constructor(
    io: AnyServer,
    private readonly market: MarketState,
  ) {
    const out = io as Server<Record<string, never>, NaiveServerEvents>;
    this.stopListening = market.onTick((stream, ticker) => {
      if (this.subscribers.has(stream)) out.to(roomOf(stream)).emit('market:tick', { stream, ticker });
    });
  }

  /** Sets a socket's whole subscription: joins one room per stream; the frequency is ignored (unthrottled). */
  subscribe(
    socket: AnySocket,
    streams: readonly StreamId[],
    _requestedFrequency?: number,
  ): { snapshot: MarketSnapshot; subscription: Subscription } {
    this.remove(socket);
    const unique = new Set(streams);
    this.streamsOf.set(socket.id, unique);
    for (const stream of unique) {
      this.subscribers.set(stream, (this.subscribers.get(stream) ?? 0) + 1);
      void socket.join(roomOf(stream));
    }
    return this.resync(socket);
  }

  /** The current full tickers of the socket's streams. */
  resync(socket: AnySocket): { snapshot: MarketSnapshot; subscription: Subscription } {
    const streams = [...(this.streamsOf.get(socket.id) ?? [])];
    const tickers: Record<StreamId, Ticker> = {};
    for (const stream of streams) {
      const ticker = this.market.get(stream);
      if (ticker) tickers[stream] = ticker;
    }
    return {
      snapshot: { epoch: NAIVE_EPOCH, seq: 0, tickers },
      subscription: { streams, maxFrequency: UNTHROTTLED },
    };
  }

  /** The socket's subscription, or null before its first subscribe. */
  subscriptionOf(socket: AnySocket): Subscription | null {
    const streams = this.streamsOf.get(socket.id);
    return streams ? { streams: [...streams], maxFrequency: UNTHROTTLED } : null;
  }

  /** Forgets a socket (disconnect or a new subscription). */
  remove(socket: AnySocket): void {
    const streams = this.streamsOf.get(socket.id);
    if (!streams) return;
    this.streamsOf.delete(socket.id);
    for (const stream of streams) {
      void socket.leave(roomOf(stream));
      const left = (this.subscribers.get(stream) ?? 1) - 1;
      if (left > 0) this.subscribers.set(stream, left);
      else this.subscribers.delete(stream);
    }
  }

  /** Every stream somebody is subscribed to. */
  subscribedStreams(): StreamId[] {
    return [...this.subscribers.keys()];
  }

  /** Stops listening to ticks. */
  close(): void {
    this.stopListening();
  }
}
