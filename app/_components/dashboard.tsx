'use client';
/** The live dashboard: opens the tab's connection and lays out the header, the chart, the ticker table, the portfolio and the alerts. */
import { useCallback } from 'react';
import { useT } from '@/client/i18n/provider';
import { AccountMenu } from '@/components/account-menu';
import { AddTicker } from '@/components/add-ticker';
import { AlertsPanel } from '@/components/alerts-panel';
import { ChartPanel } from '@/components/chart-panel';
import { ClockProvider } from '@/components/clock-provider';
import { ConnectionIndicator } from '@/components/connection-indicator';
import { FeedHealth } from '@/components/feed-health';
import { LowDataSwitch } from '@/components/low-data-switch';
import { LastStateKeeper } from '@/components/last-state-keeper';
import { NoticeBanner } from '@/components/notice-banner';
import { OfflineBanner } from '@/components/offline-banner';
import { PortfolioPanel } from '@/components/portfolio-panel';
import { SimulatedBadge } from '@/components/simulated-badge';
import { TickerTable } from '@/components/ticker-table';
import type { StreamId } from '@/lib/protocol';
import { useDashboardConnection } from '@/client/socket/use-dashboard-connection';
import { useDashboardStore } from '@/client/store/provider';
import styles from './dashboard.module.css';

/** Reads nothing from the store itself, so a tick never re-renders the layout. */
export function Dashboard() {
  const t = useT('dashboard');
  const tc = useT('common');
  const connection = useDashboardConnection();
  const store = useDashboardStore();

  // Stable while the connection is, so the memoised rows do not re-render for new callbacks.
  const select = useCallback(
    (stream: StreamId) => (connection ? connection.select(stream) : store.getState().select(stream)),
    [connection, store],
  );
  const remove = useCallback(
    (stream: StreamId) => (connection ? connection.removeStream(stream) : Promise.resolve(false)),
    [connection],
  );

  return (
    <ClockProvider>
      <div className={styles.shell}>
        <header className={styles.header}>
          <div className={styles.brand}>
            <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true">
              <rect width="24" height="24" rx="6" fill="#4c8dff" />
              <path
                d="M5 15l4-4 3 3 6-7"
                fill="none"
                stroke="#fff"
                strokeWidth="2.2"
                strokeLinecap="round"
                strokeLinejoin="round"
              />
            </svg>
            <h1 className={styles.title}>{tc('product')}</h1>
          </div>
          <SimulatedBadge />
          <div className={styles.headerEnd}>
            <LowDataSwitch connection={connection} />
            <ConnectionIndicator />
            <AccountMenu />
          </div>
        </header>
        <div className={styles.feeds}>
          <FeedHealth />
        </div>
        <main className={styles.main}>
          <section className={styles.watchlist} aria-labelledby="watchlist-title">
            <div className={styles.toolbar}>
              <h2 id="watchlist-title" className={styles.sectionTitle}>
                {t('watchlist')}
              </h2>
              <AddTicker connection={connection} />
            </div>
            <OfflineBanner />
            <NoticeBanner />
            <TickerTable onSelect={select} onRemove={remove} />
          </section>
          <div className={styles.chart}>
            <ChartPanel />
          </div>
          <div className={styles.portfolio}>
            <PortfolioPanel />
          </div>
          <div className={styles.alerts}>
            <AlertsPanel />
          </div>
        </main>
        <LastStateKeeper />
      </div>
    </ClockProvider>
  );
}
