/** The clients that share one subscription (same streams, same rate): one room, one sequence, one batch per window. */
import type { Socket } from 'socket.io';
import { isCandleStreamId } from '../../lib/candle-stream';
import type { LiveCandle, MarketSnapshot, StreamId, Ticker } from '../../lib/protocol';
import { candleConflator, tickerConflator } from './conflator';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnySocket = Socket<any, any, any, any>;

/** One room of clients with identical subscriptions; every member holds the same state at (epoch, seq). */
export class SubscriptionGroup {
  readonly room: string;
  readonly conflator = tickerConflator();
  /** The live candles' (K2): in the same messages and sequence as the tickers. */
  readonly candles = candleConflator();
  /** Whether any stream is a candle stream: only then do snapshots carry `candles`. */
  readonly hasCandles: boolean;
  /**
   * Members currently in the room (receiving diffs), by socket id. The sockets themselves are kept so that the
   * slow-client check before every flush (one per member, several times a second) needs no lookup.
   */
  readonly members = new Map<string, AnySocket>();
  /** Members held back because their outgoing buffer is full; they get a snapshot when it drains. */
  readonly held = new Map<string, AnySocket>();
  seq = 0;
  lastSentAt: number | null = null;
  timer: NodeJS.Timeout | null = null;

  constructor(
    readonly key: string,
    readonly epoch: string,
    readonly streams: readonly StreamId[],
    readonly frequency: number,
    readonly windowMs: number,
    current: (stream: StreamId) => Ticker | undefined,
    currentCandle: (stream: StreamId) => LiveCandle | undefined,
  ) {
    this.room = `sub:${epoch}`;
    this.hasCandles = streams.some(isCandleStreamId);
    // The group starts from the values known now; they are the base of its first snapshot.
    for (const stream of streams) {
      if (isCandleStreamId(stream)) {
        const candle = currentCandle(stream);
        if (candle) this.candles.remember(stream, candle);
        continue;
      }
      const ticker = current(stream);
      if (ticker) this.conflator.remember(stream, ticker);
    }
  }

  /** The key of a subscription: its rate and its streams in a stable order. */
  static keyOf(streams: readonly StreamId[], frequency: number): string {
    return `${frequency}|${[...streams].sort().join(',')}`;
  }

  /** The state every member holds after the last diff: what a newcomer or a resync must start from. */
  snapshot(): MarketSnapshot {
    const snapshot: MarketSnapshot = {
      epoch: this.epoch,
      seq: this.seq,
      tickers: this.conflator.sentState(),
    };
    if (this.hasCandles) snapshot.candles = this.candles.sentState();
    return snapshot;
  }

  /** True when nobody is left in the group. */
  isEmpty(): boolean {
    return this.members.size === 0 && this.held.size === 0;
  }
}
