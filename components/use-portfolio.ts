'use client';
/** The server's valuation of the user's portfolio: fetched on mount and method change, again on focus, polled while prices are missing. */
import { useEffect, useReducer, useState } from 'react';
import { fetchPortfolio } from '@/client/api/portfolio';
import { readLastPortfolio, saveLastPortfolio } from '@/client/offline/last-state';
import { defaultStorage } from '@/client/socket/low-data-preference';
import type { PortfolioAnswer } from '@/client/api/portfolio';
import type { CostBasisMethod } from '@/lib/portfolio/lots';

/** Delay between fetches while a holding waits for its first price; never shorter. */
export const PORTFOLIO_POLL_MS = 5_000;

// A market no exchange lists never gets a price: after a minute of waiting, ask less often.
const PATIENT_POLLS = 12;
const SLOW_POLL_MS = 30_000;

/** What the panel shows: the latest answer (kept while a newer one loads), the latest failure, and a retry. */
export interface PortfolioFetch {
  data: PortfolioAnswer | null;
  /** When `data` was last fetched, while it is the copy kept in this browser (the server cannot be reached). */
  keptAt: number | null;
  error: string | null;
  loading: boolean;
  retry(): void;
}

/** Fetches the valuation of `method` in the user's currency; a failed refetch keeps the last answer on screen. */
export function usePortfolio(method: CostBasisMethod): PortfolioFetch {
  const [data, setData] = useState<PortfolioAnswer | null>(null);
  const [keptAt, setKeptAt] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [attempt, retry] = useReducer((n: number) => n + 1, 0);

  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let latest = 0;
    let polls = 0;

    const load = async () => {
      clearTimeout(timer);
      const request = ++latest;
      setLoading(true);
      const result = await fetchPortfolio(method, controller.signal);
      // An answer overtaken by a newer request (a focus during a poll) is dropped.
      if (controller.signal.aborted || request !== latest) return;
      setLoading(false);
      if (!result.ok) {
        // Without the server, the valuation last fetched in this browser, said to be that (none kept: the error).
        const kept = readLastPortfolio(defaultStorage(), method);
        if (kept) {
          setData((shown) => shown ?? kept.data);
          setKeptAt((at) => at ?? kept.savedAt);
          setError(null);
        } else setError(result.message);
        return;
      }
      setError(null);
      setData(result.data);
      setKeptAt(null);
      saveLastPortfolio(defaultStorage(), { savedAt: Date.now(), method, data: result.data });
      // The server watches the markets of new holdings at once; their first price comes a little later.
      if (result.data.unpriced.some((u) => u.reason === 'no-price' || u.reason === 'no-rate')) {
        timer = setTimeout(poll, polls++ < PATIENT_POLLS ? PORTFOLIO_POLL_MS : SLOW_POLL_MS);
      }
    };
    const poll = () => {
      // A hidden tab asks again when it has the focus back.
      if (document.visibilityState === 'visible') void load();
    };
    const onFocus = () => {
      polls = 0;
      void load();
    };

    void load();
    window.addEventListener('focus', onFocus);
    return () => {
      controller.abort();
      clearTimeout(timer);
      window.removeEventListener('focus', onFocus);
    };
  }, [method, attempt]);

  return { data, keptAt, error, loading, retry };
}
