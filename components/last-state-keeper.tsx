'use client';
/**
 * Keeps the watchlist's prices in this browser while live (at most every few seconds), and shows them when the
 * page opens without a connection, until the server's first snapshot replaces them (client/offline/last-state.ts).
 */
import { useEffect } from 'react';
import { readLastState, saveLastState } from '@/client/offline/last-state';
import { browserOffline } from '@/client/socket/network-status';
import { defaultStorage } from '@/client/socket/low-data-preference';
import { useDashboardStore } from '@/client/store/provider';
import type { StreamId, Ticker } from '@/lib/protocol';

/** How often the live prices are written down: often enough to be recent, rarely enough to cost nothing. */
const SAVE_EVERY_MS = 5_000;
/** How long a page waits for its first snapshot before it shows the kept prices. */
const PATIENCE_MS = 3_000;

export function LastStateKeeper() {
  const store = useDashboardStore();
  useEffect(() => {
    const storage = defaultStorage();
    const kept = readLastState(storage);
    // The store shows kept prices only before its first snapshot (restoreOffline), so these may ask freely.
    const restore = () => {
      if (kept && store.getState().connection.state !== 'live') store.getState().restoreOffline(kept);
    };
    const cut = () => {
      const { state } = store.getState().connection;
      return state === 'offline' || state === 'reconnecting' || browserOffline();
    };
    if (cut()) restore();
    // A connection that has not come up after a while is as good as none (a page opened without a network can
    // stay "connecting" while the socket retries).
    const patience = setTimeout(restore, PATIENCE_MS);
    let savedAt = 0;
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.connection.state !== prev.connection.state && cut()) restore();
      const now = Date.now();
      if (s.connection.state !== 'live' || s.market.epoch === null || now - savedAt < SAVE_EVERY_MS) return;
      savedAt = now;
      const tickers: Record<StreamId, Ticker> = {};
      for (const stream of s.watchlist) {
        const ticker = s.market.tickers[stream];
        if (ticker) tickers[stream] = ticker;
      }
      saveLastState(storage, { savedAt: now, watchlist: s.watchlist, tickers });
    });
    return () => {
      clearTimeout(patience);
      unsubscribe();
    };
  }, [store]);
  return null;
}
