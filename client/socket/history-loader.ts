/** Loads price history over HTTP (docs/protocol.md H1) into the store: a stream's whole series once, then only what is missing. */
import type { StreamId } from '../../lib/protocol';
import { apiText } from '../api/api-texts';
import { isAnswer } from '../api/contract-answer';
import type { DashboardStore } from '../store/dashboard-store';
import type { NoticeMessage } from '../store/notice';

type Point = [number, number];

/** The server answers at most this many streams per history request. */
export const MAX_HISTORY_STREAMS = 100;

/** What to load after a (re)connect, decided before its snapshot adds live points to the series. */
export interface HistoryPlan {
  /** Streams never loaded (or whose series is empty): their whole history. */
  full: StreamId[];
  /** Streams loaded before: only the points after `since`, the oldest of their newest held points. */
  missing: StreamId[];
  since: number;
}

/** What the loader needs from its surroundings. */
export interface HistoryLoaderOptions {
  /** Origin of the server, '' for the page's own. */
  baseUrl: string;
  fetchImpl: typeof fetch;
  notify: (message: NoticeMessage) => void;
}

/** Keeps track of which streams have their history in the store. */
export class HistoryLoader {
  private readonly loaded = new Set<StreamId>();
  private readonly loading = new Set<StreamId>();
  private readonly abort = new AbortController();

  constructor(
    private readonly store: DashboardStore,
    private readonly options: HistoryLoaderOptions,
  ) {}

  /** Splits streams into those needing their whole history and those needing only newer points. */
  plan(streams: readonly StreamId[]): HistoryPlan {
    const plan: HistoryPlan = { full: [], missing: [], since: Infinity };
    const series = this.store.getState().series;
    for (const stream of new Set(streams)) {
      const newest = series[stream]?.at(-1)?.[0];
      if (!this.loaded.has(stream) || newest === undefined) plan.full.push(stream);
      else {
        plan.missing.push(stream);
        plan.since = Math.min(plan.since, newest);
      }
    }
    return plan;
  }

  /** Loads what a plan says: one request for the whole histories, one for the missing points. */
  async load(plan: HistoryPlan): Promise<void> {
    await Promise.all([
      this.loadFull(plan.full),
      plan.missing.length > 0 ? this.loadMissing(plan.missing, plan.since) : null,
    ]);
  }

  /** Loads whole histories of streams not loaded nor loading yet. */
  async ensure(streams: readonly StreamId[]): Promise<void> {
    await this.loadFull(streams.filter((s) => !this.loaded.has(s)));
  }

  /** Forgets streams (left the watchlist), so that coming back loads their whole history again. */
  forget(streams: readonly StreamId[]): void {
    for (const stream of streams) this.loaded.delete(stream);
  }

  /** Cancels requests in flight. */
  close(): void {
    this.abort.abort();
  }

  private async loadFull(streams: readonly StreamId[]): Promise<void> {
    const wanted = [...new Set(streams)].filter((s) => !this.loading.has(s));
    for (const stream of wanted) this.loading.add(stream);
    try {
      for (let i = 0; i < wanted.length; i += MAX_HISTORY_STREAMS) {
        const chunk = wanted.slice(i, i + MAX_HISTORY_STREAMS);
        const series = await this.fetchSeries(chunk);
        if (!series) return;
        for (const stream of chunk) {
          this.store.getState().setHistory(stream, series[stream] ?? []);
          this.loaded.add(stream);
        }
      }
    } finally {
      for (const stream of wanted) this.loading.delete(stream);
    }
  }

  private async loadMissing(streams: readonly StreamId[], since: number): Promise<void> {
    for (let i = 0; i < streams.length; i += MAX_HISTORY_STREAMS) {
      const series = await this.fetchSeries(streams.slice(i, i + MAX_HISTORY_STREAMS), since);
      if (!series) return;
      for (const [stream, fresh] of Object.entries(series)) {
        const first = fresh[0];
        if (!first) continue;
        // The server's points replace the held ones they overlap; older held points stay.
        const held = this.store.getState().series[stream] ?? [];
        this.store.getState().setHistory(stream, [...held.filter(([t]) => t < first[0]), ...fresh]);
      }
    }
  }

  private async fetchSeries(streams: StreamId[], since?: number): Promise<Record<StreamId, Point[]> | null> {
    if (streams.length === 0) return {};
    const query = new URLSearchParams({ streams: streams.join(',') });
    if (since !== undefined) query.set('since', String(Math.max(0, Math.floor(since))));
    try {
      const response = await this.options.fetchImpl(`${this.options.baseUrl}/api/v1/history?${query}`, {
        signal: this.abort.signal,
        headers: { accept: 'application/json' },
      });
      // A body that is not JSON (a proxy's error page) is an answer too, and said below like any odd one.
      const body: unknown = await response.json().catch(() => null);
      if (!response.ok) {
        const text = errorMessage(body);
        this.options.notify(
          text === null ? { key: 'historyFailed', values: { status: String(response.status) } } : { text },
        );
        return null;
      }
      // Another server's answer (a proxy's page, another version) is said, not drawn: a chart fed garbage draws
      // garbage, and a half-read answer would leave holes the user cannot see.
      if (isAnswer('market.history', body) && 'series' in body) return body.series;
      this.options.notify({ text: apiText('unexpectedAnswer') });
      return null;
    } catch {
      // The server is out of reach, and the connection indicator says so already. Streams stay unloaded,
      // so the next (re)connect or select() asks again.
      return null;
    }
  }
}

function errorMessage(body: unknown): string | null {
  const error = (body as { error?: { message?: unknown } } | null)?.error;
  return typeof error?.message === 'string' ? error.message : null;
}
