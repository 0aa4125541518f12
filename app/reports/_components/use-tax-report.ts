'use client';
/** The report's choices (the address, else defaults from the history) and the report for them, from the API. */
import { useCallback, useEffect, useState } from 'react';
import { formMessage } from '@/components/auth-card';
import type { FormMessage } from '@/components/auth-card';
import { listTransactions } from '@/client/api/transactions';
import { fetchTaxReport } from '@/client/api/reports';
import type { ReportQuery, TaxReportAnswer } from '@/client/api/reports';
import { choicesInSearch, defaultYear, reportYears, setQueryInUrl, withDefaults } from './report-choices';

/** A failed load: the server's message verbatim, and whether the session is gone. */
export interface LoadFailure {
  message: FormMessage;
  signedOut: boolean;
}

/** The report's state: the last answer stays shown while the next one loads, so the page does not jump. */
export interface ReportState {
  answer: TaxReportAnswer | null;
  /** The query `answer` is for. */
  shown: ReportQuery | null;
  loading: boolean;
  failure: LoadFailure | null;
}

/** Loads the report whenever `query` changes (null: not decided yet); an older answer never replaces a newer one. */
export function useTaxReport(query: ReportQuery | null): ReportState {
  const [state, setState] = useState<ReportState>({
    answer: null,
    shown: null,
    loading: true,
    failure: null,
  });
  useEffect(() => {
    if (query === null) return;
    const controller = new AbortController();
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the request starts here, so does its state
    setState((s) => ({ ...s, loading: true }));
    void fetchTaxReport(query, controller.signal).then((result) => {
      if (controller.signal.aborted) return;
      if (result.ok) setState({ answer: result.data, shown: query, loading: false, failure: null });
      else {
        const failure = { message: formMessage(result.message), signedOut: result.status === 401 };
        setState({ answer: null, shown: null, loading: false, failure });
      }
    });
    return () => controller.abort();
  }, [query]);
  return state;
}

/**
 * The query shown and the years offered. A period in the address opens at once; without one, the default year
 * waits for the history (which also gives the years). Every query chosen is put in the address.
 */
export function useReportChoices() {
  const [query, setQuery] = useState<ReportQuery | null>(null);
  const [years, setYears] = useState<number[]>([]);
  const choose = useCallback((next: ReportQuery) => {
    setQuery(next);
    setQueryInUrl(next);
  }, []);
  useEffect(() => {
    const chosen = choicesInSearch(window.location.search);
    const now = Date.now();
    const controller = new AbortController();
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the address is known only in the browser
    if (chosen.period) choose(withDefaults(chosen.period, chosen));
    void listTransactions(controller.signal).then((result) => {
      if (controller.signal.aborted) return;
      // Unreadable, the history offers the current year only; the report itself then says why.
      const history = result.ok ? result.data : [];
      setYears(reportYears(history, now));
      if (!chosen.period) choose(withDefaults({ year: defaultYear(history, now) }, chosen));
    });
    return () => controller.abort();
  }, [choose]);
  return { query, years, choose };
}
