'use client';
/** What a stream's row and chart header say of its freshness: its feed's state, then its own (protocol F4-F7). */
import { describeStream } from '@/client/format';
import type { FeedState, StreamState, StreamId } from '@/lib/protocol';
import { useT } from '@/client/i18n/provider';
import { useDashboard } from '@/client/store/provider';
import type { Catalog, Translate } from '@/lib/i18n/messages/en';

type Key = keyof Catalog['dashboard'];

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

/**
 * The status to show, or null when the stream is live on its own stream. Not colour alone: every dim has a word.
 * `t` is the dashboard's messages.
 */
export function streamStatus(
  { feed, state, reason, polled, waiting, stale }: Inputs,
  t: Translate<'dashboard'>,
): StreamStatus | null {
  // The reason (the server's words) goes into the sentence where the language puts it.
  const titled = (plain: Key, withReason: Key) => (reason === null ? t(plain) : t(withReason, { reason }));
  if (feed === 'down')
    return { label: t('statusFeedDown'), title: t('statusFeedDownTitle'), tone: 'bad', dim: true };
  if (state === 'unpriced')
    return {
      label: t('statusNoPrice'),
      title: titled('statusNoPriceTitle', 'statusNoPriceTitleReason'),
      tone: 'bad',
      dim: true,
    };
  if (feed === 'stale')
    return {
      label: t('statusFeedStale'),
      title: titled('statusFeedStaleTitle', 'statusFeedStaleTitleReason'),
      tone: 'warn',
      dim: true,
    };
  if (state === 'stale')
    return {
      label: t('statusStale'),
      title: titled('statusStaleTitle', 'statusStaleTitleReason'),
      tone: 'warn',
      dim: true,
    };
  if (waiting)
    return { label: t('statusWaiting'), title: t('statusWaitingTitle'), tone: 'muted', dim: false };
  if (stale) return { label: t('statusStale'), title: t('statusUnsureTitle'), tone: 'warn', dim: true };
  if (state === 'quiet')
    return {
      label: t('statusQuiet'),
      title: titled('statusQuietTitle', 'statusQuietTitleReason'),
      tone: 'muted',
      dim: false,
    };
  if (polled) return { label: t('statusPolled'), title: t('statusPolledTitle'), tone: 'muted', dim: false };
  return null;
}

/** The status of one stream; re-renders only when one of its inputs changes, not with every tick. */
export function useStreamStatus(stream: StreamId): StreamStatus | null {
  const t = useT('dashboard');
  const { exchange, symbol } = describeStream(stream);
  const feed = useDashboard((s) => s.feeds[exchange]?.state ?? null);
  const state = useDashboard((s) => s.feeds[exchange]?.streams?.[symbol]?.state ?? null);
  const reason = useDashboard((s) => s.feeds[exchange]?.streams?.[symbol]?.reason ?? null);
  const polled = useDashboard((s) => s.feeds[exchange]?.streams?.[symbol]?.via === 'poll');
  const waiting = useDashboard((s) => s.market.tickers[stream] === undefined);
  const stale = useDashboard((s) => s.market.tickers[stream]?.stale ?? false);
  return streamStatus({ feed, state, reason, polled, waiting, stale }, t);
}
