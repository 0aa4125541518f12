'use client';
/** What a stream's row and chart header say of its freshness: its feed's state, then its own (protocol F4-F7). */
import { describeStream } from '@/client/format';
import type { FeedState, StreamState, StreamId } from '@/lib/protocol';
import { useDashboard } from '@/client/store/provider';

/** A short flag and the sentence behind it; `dim` when the price shown may not be current. */
export interface StreamStatus {
  label: string;
  title: string;
  tone: 'warn' | 'bad' | 'muted';
  dim: boolean;
}

interface Inputs {
  feed: FeedState | null;
  state: StreamState | null;
  reason: string | null;
  polled: boolean;
  waiting: boolean;
  stale: boolean;
}

/** The status to show, or null when the stream is live on its own stream. Not colour alone: every dim has a word. */
export function streamStatus({ feed, state, reason, polled, waiting, stale }: Inputs): StreamStatus | null {
  const why = reason === null ? '' : ` (${reason})`;
  if (feed === 'down')
    return {
      label: 'Feed down',
      title: 'The exchange feed is down; prices are the last known ones.',
      tone: 'bad',
      dim: true,
    };
  if (state === 'unpriced')
    return {
      label: 'No price',
      title: `The exchange's stream gives no price for this market${why}; trying by polling.`,
      tone: 'bad',
      dim: true,
    };
  if (feed === 'stale')
    return {
      label: 'Feed stale',
      title: `Nothing new from the exchange${why}; prices may be old.`,
      tone: 'warn',
      dim: true,
    };
  if (state === 'stale')
    return { label: 'Stale', title: `This price is not current${why}.`, tone: 'warn', dim: true };
  if (waiting)
    return { label: 'Waiting', title: 'No tick received yet for this market.', tone: 'muted', dim: false };
  if (stale)
    return { label: 'Stale', title: 'This price is not known to be current.', tone: 'warn', dim: true };
  if (state === 'quiet')
    return {
      label: 'Quiet',
      title: `No trade lately${why}; the price is the last trade's and still current.`,
      tone: 'muted',
      dim: false,
    };
  if (polled)
    return {
      label: 'Polled',
      title: "The exchange's stream gave no price; this market is priced by polling every few seconds.",
      tone: 'muted',
      dim: false,
    };
  return null;
}

/** The status of one stream; re-renders only when one of its inputs changes, not with every tick. */
export function useStreamStatus(stream: StreamId): StreamStatus | null {
  const { exchange, symbol } = describeStream(stream);
  const feed = useDashboard((s) => s.feeds[exchange]?.state ?? null);
  const state = useDashboard((s) => s.feeds[exchange]?.streams?.[symbol]?.state ?? null);
  const reason = useDashboard((s) => s.feeds[exchange]?.streams?.[symbol]?.reason ?? null);
  const polled = useDashboard((s) => s.feeds[exchange]?.streams?.[symbol]?.via === 'poll');
  const waiting = useDashboard((s) => s.market.tickers[stream] === undefined);
  const stale = useDashboard((s) => s.market.tickers[stream]?.stale ?? false);
  return streamStatus({ feed, state, reason, polled, waiting, stale });
}
