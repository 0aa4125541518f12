/** A client's copy of its subscription's state: applies snapshots and diffs and tells when to resync (docs/protocol.md S1-S4). */
import { mergeCandle } from '../lib/candle-diff';
import type { LiveCandle, MarketDiff, MarketSnapshot, StreamId, Ticker } from '../lib/protocol';
import { mergeTicker } from '../lib/ticker-diff';

/** What a client holds: the state of its subscription at (epoch, seq). */
export interface SyncedMarket {
  epoch: string | null;
  seq: number;
  tickers: Record<StreamId, Ticker>;
  /** The live candle of each candle stream subscribed (K2). */
  candles: Record<StreamId, LiveCandle>;
}

/** Outcome of applying a diff. */
export type DiffResult =
  | { applied: true; market: SyncedMarket }
  | { applied: false; reason: 'no-snapshot' | 'epoch-changed' | 'seq-gap' | 'old-seq' };

/** The state before any snapshot. */
export function emptyMarket(): SyncedMarket {
  return { epoch: null, seq: 0, tickers: {}, candles: {} };
}

/** A snapshot replaces everything the client held. */
export function applySnapshot(snapshot: MarketSnapshot): SyncedMarket {
  return {
    epoch: snapshot.epoch,
    seq: snapshot.seq,
    tickers: { ...snapshot.tickers },
    candles: { ...snapshot.candles },
  };
}

/**
 * Applies a diff when it is the next message of the current epoch. A diff of another epoch or with a seq gap
 * means data was lost: the caller must resync. A seq already seen is ignored (it is older than the state held).
 */
export function applyDiff(market: SyncedMarket, diff: MarketDiff): DiffResult {
  if (market.epoch === null) return { applied: false, reason: 'no-snapshot' };
  if (diff.epoch !== market.epoch) return { applied: false, reason: 'epoch-changed' };
  if (diff.seq <= market.seq) return { applied: false, reason: 'old-seq' };
  if (diff.seq !== market.seq + 1) return { applied: false, reason: 'seq-gap' };
  const tickers = { ...market.tickers };
  for (const [stream, changes] of Object.entries(diff.changes)) {
    const merged = mergeTicker(tickers[stream], changes);
    if (merged) tickers[stream] = merged;
  }
  let candles = market.candles;
  if (diff.candles) {
    candles = { ...candles };
    for (const [stream, changes] of Object.entries(diff.candles)) {
      const merged = mergeCandle(candles[stream], changes);
      if (merged) candles[stream] = merged;
    }
  }
  return { applied: true, market: { epoch: diff.epoch, seq: diff.seq, tickers, candles } };
}
