'use client';
/** One exchange feed's health: state, age of the latest tick seen, reconnects, and the last error. */
import { exchangeName, formatClock } from '@/client/format';
import { useFormatLocale, useT } from '@/client/i18n/provider';
import type { Catalog, Translate } from '@/lib/i18n/messages/en';
import type { FeedState, FeedStatus, StreamState } from '@/lib/protocol';
import type { DashboardState } from '@/client/store/dashboard-store';
import { useDashboard } from '@/client/store/provider';
import { AgeInText } from './age';
import styles from './status.module.css';

type Key = keyof Catalog['dashboard'];

const STATE_LABELS: Record<FeedState, Key> = {
  connecting: 'feedConnecting',
  live: 'feedLive',
  stale: 'feedStale',
  down: 'feedDown',
};

const STREAM_STATE_LABELS: Record<StreamState, Key> = {
  live: 'streamLive',
  stale: 'streamStale',
  quiet: 'streamQuiet',
  unpriced: 'streamUnpriced',
};

/** A chip of the feed health bar; details in its title, the last error also inline while the feed is not live. */
export function FeedChip({ feed }: { feed: FeedStatus }) {
  const t = useT('dashboard');
  const locale = useFormatLocale();
  // The server reports lastTickAt only with a change of state, so the newest tick of the exchange's
  // streams is the fresher figure; a number, so this chip re-renders only when it moves.
  const lastTick = useDashboard((s) => newestTick(s, feed.exchange, feed.lastTickAt));
  const stale = count(feed, 'stale');
  const unpriced = count(feed, 'unpriced');
  return (
    <li className={`${styles.feed} ${styles[feed.state]}`} title={describe(feed, t, locale)}>
      <span className={styles.dot} aria-hidden="true" />
      <span className={styles.feedName}>{exchangeName(feed.exchange)}</span>
      <span className={styles.feedState}>{t(STATE_LABELS[feed.state])}</span>
      {feed.simulated && <span className={styles.feedMeta}>{t('feedSimulated')}</span>}
      <span className={styles.feedMeta}>
        <AgeInText text={t('lastTick')} since={lastTick} clock="server" ago />
      </span>
      {feed.reconnects > 0 && (
        <span className={styles.feedMeta}>{t('reconnects', { count: feed.reconnects })}</span>
      )}
      {stale > 0 && <span className={styles.feedError}>{t('staleStreams', { count: stale })}</span>}
      {unpriced > 0 && <span className={styles.feedError}>{t('unpricedStreams', { count: unpriced })}</span>}
      {feed.lastError && feed.state !== 'live' && (
        <span className={styles.feedError}>{feed.lastError.message}</span>
      )}
    </li>
  );
}

function newestTick(state: DashboardState, exchange: string, reported: number | null): number | null {
  let newest = reported ?? -Infinity;
  const prefix = `${exchange}:`;
  for (const stream in state.market.tickers) {
    const receivedAt = state.market.tickers[stream]?.receivedAt ?? -Infinity;
    if (receivedAt > newest && stream.startsWith(prefix)) newest = receivedAt;
  }
  return newest === -Infinity ? null : newest;
}

/** How many of the feed's watched streams are in `state` (a quiet or polled one is fine, and not counted). */
function count(feed: FeedStatus, state: StreamState): number {
  return Object.values(feed.streams ?? {}).filter((h) => h.state === state).length;
}

function describe(feed: FeedStatus, t: Translate<'dashboard'>, locale: string): string {
  const exchange = exchangeName(feed.exchange);
  const state = t(STATE_LABELS[feed.state]);
  const lines = [
    t(feed.simulated ? 'feedTitleStateSimulated' : 'feedTitleState', { exchange, state }),
    `${t('feedTitleMode', { mode: feed.mode ?? t('feedNotStarted') })} · ${t('feedTitleMarkets', { count: feed.markets })}`,
    `${t('reconnects', { count: feed.reconnects })} · ${t('feedTitleInvalid', { count: feed.invalidTicks })}`,
  ];
  if (feed.lastError)
    lines.push(
      t('feedTitleError', {
        time: formatClock(feed.lastError.at, true, locale),
        message: feed.lastError.message,
      }),
    );
  for (const [symbol, health] of Object.entries(feed.streams ?? {})) {
    const polled = health.via === 'poll';
    const values = { symbol, state: t(STREAM_STATE_LABELS[health.state]) };
    if (health.reason)
      lines.push(
        t(polled ? 'feedTitleStreamPolledReason' : 'feedTitleStreamReason', {
          ...values,
          reason: health.reason,
        }),
      );
    else lines.push(t(polled ? 'feedTitleStreamPolled' : 'feedTitleStream', values));
  }
  return lines.join('\n');
}
