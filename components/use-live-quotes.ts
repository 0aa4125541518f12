'use client';
/** Live last and open prices of the streams that price the holdings: pinned on the connection, read narrowly from the store. */
import { useEffect, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { LiveQuote } from '@/client/live-portfolio';
import type { StreamId } from '@/lib/protocol';
import { useDashboardConnection } from '@/client/socket/use-dashboard-connection';
import { useDashboard } from '@/client/store/provider';

const NO_STREAMS: StreamId[] = [];

/**
 * Keeps `streams` subscribed besides the watchlist while mounted, and returns their quotes. The component
 * re-renders only when one of their last, open or stale values changes, not with any other tick.
 */
export function useLiveQuotes(streams: readonly StreamId[]): ReadonlyMap<StreamId, LiveQuote> {
  const connection = useDashboardConnection();
  // One sorted, de-duplicated list per set of streams, so a refetch with the same holdings pins nothing anew.
  const key = [...new Set(streams)].sort().join(' ');
  const pinned = useMemo(() => (key ? key.split(' ') : NO_STREAMS), [key]);

  useEffect(() => {
    if (!connection) return;
    connection.pin(pinned);
    return () => connection.pin(NO_STREAMS);
  }, [connection, pinned]);

  // A flat array of primitives, compared item by item: a tick of another stream returns an equal array.
  const values = useDashboard(
    useShallow((s) =>
      pinned.flatMap((stream) => {
        const ticker = s.market.tickers[stream];
        return [ticker?.last ?? null, ticker?.open ?? null, ticker?.stale ?? false];
      }),
    ),
  );

  return useMemo(() => {
    const quotes = new Map<StreamId, LiveQuote>();
    pinned.forEach((stream, i) => {
      const [last, open, stale] = values.slice(i * 3, i * 3 + 3);
      quotes.set(stream, {
        last: typeof last === 'number' ? last : null,
        open: typeof open === 'number' ? open : null,
        stale: stale === true,
      });
    });
    return quotes;
  }, [pinned, values]);
}
