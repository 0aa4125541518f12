'use client';
/** One exchange feed's health: state, age of the latest tick seen, reconnects, and the last error. */
import { exchangeName, formatClock } from '@/client/format';
import type { FeedState, FeedStatus, StreamState } from '@/lib/protocol';
import type { DashboardState } from '@/client/store/dashboard-store';
import { useDashboard } from '@/client/store/provider';
import { Age } from './age';
import styles from './status.module.css';

const STATE_LABELS: Record<FeedState, string> = {
  connecting: 'connecting',
  live: 'live',
  stale: 'stale',
  down: 'down',
};

/** A chip of the feed health bar; details in its title, the last error also inline while the feed is not live. */
export function FeedChip({ feed }: { feed: FeedStatus }) {
  // The server reports lastTickAt only with a change of state, so the newest tick of the exchange's
  // streams is the fresher figure; a number, so this chip re-renders only when it moves.
  const lastTick = useDashboard((s) => newestTick(s, feed.exchange, feed.lastTickAt));
  return (
    <li className={`${styles.feed} ${styles[feed.state]}`} title={describe(feed)}>
      <span className={styles.dot} aria-hidden="true" />
      <span className={styles.feedName}>{exchangeName(feed.exchange)}</span>
      <span className={styles.feedState}>{STATE_LABELS[feed.state]}</span>
      {feed.simulated && <span className={styles.feedMeta}>simulated</span>}
      <span className={styles.feedMeta}>
        last tick <Age since={lastTick} clock="server" suffix={lastTick !== null ? ' ago' : ''} />
      </span>
      {feed.reconnects > 0 && (
        <span className={styles.feedMeta}>
          {feed.reconnects} reconnect{feed.reconnects === 1 ? '' : 's'}
        </span>
      )}
      {count(feed, 'stale') > 0 && <span className={styles.feedError}>{count(feed, 'stale')} stale</span>}
      {count(feed, 'unpriced') > 0 && (
        <span className={styles.feedError}>{count(feed, 'unpriced')} without price</span>
      )}
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

function describe(feed: FeedStatus): string {
  const lines = [
    `${exchangeName(feed.exchange)}: ${feed.state}${feed.simulated ? ' (simulated prices)' : ''}`,
    `mode: ${feed.mode ?? 'not started'} · ${feed.markets.toLocaleString('en-US')} markets`,
    `${feed.reconnects} reconnects · ${feed.invalidTicks} invalid ticks dropped`,
  ];
  if (feed.lastError)
    lines.push(`last error at ${formatClock(feed.lastError.at)}: ${feed.lastError.message}`);
  for (const [symbol, health] of Object.entries(feed.streams ?? {}))
    lines.push(
      `${symbol}: ${health.state}${health.via === 'poll' ? ', polled' : ''}${health.reason ? ` (${health.reason})` : ''}`,
    );
  return lines.join('\n');
}
