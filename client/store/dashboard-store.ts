/** The dashboard's client state: connection, feeds, the synced market, price series, watchlist, alerts and UI choices. */
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import { MAX_ALERTS_PER_USER } from '../../lib/alerts';
import type {
  FeedStatus,
  MarketDiff,
  MarketSnapshot,
  Alert,
  ServerHello,
  StreamId,
  Ticker,
} from '../../lib/protocol';
import { candleStreamId, parseCandleStreamId } from '../../lib/candle-stream';
import type { Timeframe } from '../../lib/timeframes';
import { loadingSeries, withError, withLive, withPage } from '../candle-series';
import type { CandleSeries } from '../candle-series';
import type { CandlePage } from '../api/candles';
import { applyDiff, applySnapshot, emptyMarket } from '../market-sync';
import type { DiffResult, SyncedMarket } from '../market-sync';
import type { Notice } from './notice';

/** What the connection indicator shows. */
export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'offline';

/** Points kept per stream: enough for an hour-long chart at one point a second would be 3600; a few hundred draw fast. */
export const MAX_SERIES_POINTS = 600;

/** How the big chart draws its market: candles of a timeframe, or the line of live ticks. */
export interface ChartChoice {
  mode: 'candles' | 'line';
  timeframe: Timeframe;
}

/** The chart's choice before the user makes one. */
export const DEFAULT_CHART: ChartChoice = { mode: 'candles', timeframe: '15m' };

export type { Notice, NoticeMessage } from './notice';

/** Everything the dashboard shows, and the actions that change it. */
export interface DashboardState {
  connection: { state: ConnectionState; lastMessageAt: number | null; changedAt: number };
  simulated: boolean;
  /** Server clock minus this browser's, from `server:hello`: server times (ticks, feeds) age by the server's clock. */
  clockOffsetMs: number;
  feeds: Record<string, FeedStatus>;
  market: SyncedMarket;
  /** [time, last] per stream, oldest first, at most MAX_SERIES_POINTS. */
  series: Record<StreamId, Array<[number, number]>>;
  watchlist: StreamId[];
  /** Streams subscribed besides the watchlist: the markets that price the user's holdings. */
  pinned: StreamId[];
  /** The stream of the big chart; null means the first watched one. */
  selected: StreamId | null;
  chart: ChartChoice;
  /** Candles of each candle stream the chart has shown (K5), by candle stream id; kept for switching back. */
  candles: Record<StreamId, CandleSeries>;
  lowData: boolean;
  notice: Notice | null;
  /** The user's price alerts, oldest first; null until loaded. */
  alerts: Alert[] | null;
  /** Alerts fired while this tab was connected, oldest first, not yet told through the browser's notifications. */
  firedAlerts: Alert[];
  /** When the prices shown were last live, while they come from this browser's last state (offline); else null. */
  offlineSince: number | null;
  /**
   * The whole portfolio's live value as the Portfolio panel shows it (a decimal string), while every holding is
   * priced; else null. A portfolio alert's form shows it as a hint.
   */
  portfolioValue: { value: string; currency: string } | null;

  setConnection(state: ConnectionState, now: number): void;
  /** Any message from the server: the indicator shows how long ago the last one came. */
  heard(now: number): void;
  /** What `server:hello` says, received at `now` (this browser's clock). */
  setHello(hello: Pick<ServerHello, 'simulated' | 'serverTime'>, now: number): void;
  setFeeds(feeds: readonly FeedStatus[]): void;
  applySnapshot(snapshot: MarketSnapshot): void;
  /** Shows the last state kept in this browser until the server's first snapshot replaces it. */
  restoreOffline(kept: {
    savedAt: number;
    watchlist: readonly StreamId[];
    tickers: Record<StreamId, Ticker>;
  }): void;
  /** Applies a diff; returns why not when the client must resync. */
  applyDiff(diff: MarketDiff): DiffResult;
  /** Replaces a stream's series with history from the server, keeping newer live points. */
  setHistory(stream: StreamId, points: Array<[number, number]>): void;
  setWatchlist(streams: readonly StreamId[]): void;
  setPinned(streams: readonly StreamId[]): void;
  select(stream: StreamId | null): void;
  setChart(choice: Partial<ChartChoice>): void;
  /** Starts a candle stream's series (once); its history is then loaded by the chart. */
  openCandles(id: StreamId): void;
  /** A page of H4 history: the newest one, or (`older`) the one before the oldest candle held. */
  candlesLoaded(id: StreamId, page: CandlePage, older: boolean): void;
  candlesFailed(id: StreamId, message: string): void;
  setLowData(lowData: boolean): void;
  notify(notice: Notice | null): void;
  setAlerts(alerts: readonly Alert[]): void;
  /** An alert fired: its entry in `alerts` becomes the triggered one, and it joins `firedAlerts`. */
  alertFired(alert: Alert): void;
  /** Takes the alerts out of `firedAlerts` once told: each is notified once. */
  firedAlertsTold(ids: readonly string[]): void;
  setPortfolioValue(value: { value: string; currency: string } | null): void;
}

/** The store type the provider hands out. */
export type DashboardStore = StoreApi<DashboardState>;

/** A new store; one per browser tab (never a module global: Next.js also renders on the server). */
export function createDashboardStore(
  init: Partial<Pick<DashboardState, 'lowData' | 'chart'>> = {},
): DashboardStore {
  return createStore<DashboardState>()((set, get) => ({
    connection: { state: 'connecting', lastMessageAt: null, changedAt: 0 },
    simulated: false,
    clockOffsetMs: 0,
    feeds: {},
    market: emptyMarket(),
    series: {},
    watchlist: [],
    pinned: [],
    selected: null,
    chart: init.chart ?? DEFAULT_CHART,
    candles: {},
    lowData: init.lowData ?? false,
    notice: null,
    alerts: null,
    firedAlerts: [],
    offlineSince: null,
    portfolioValue: null,

    setConnection: (state, now) => {
      if (get().connection.state !== state)
        set({ connection: { ...get().connection, state, changedAt: now } });
    },
    heard: (now) => set({ connection: { ...get().connection, lastMessageAt: now } }),
    // The hello's travel time makes the offset a little small: ages read a few ms young, never "in the future".
    setHello: (hello, now) => set({ simulated: hello.simulated, clockOffsetMs: hello.serverTime - now }),
    setFeeds: (feeds) => set({ feeds: Object.fromEntries(feeds.map((f) => [f.exchange, f])) }),
    applySnapshot: (snapshot) => {
      const market = applySnapshot(snapshot);
      set({
        market,
        offlineSince: null,
        series: appendTicks(get().series, market.tickers, Object.keys(market.tickers)),
        candles: applyLive(get().candles, market, Object.keys(market.candles)),
      });
    },
    applyDiff: (diff) => {
      const result = applyDiff(get().market, diff);
      if (result.applied) {
        const changed = Object.keys(diff.changes).filter((s) => diff.changes[s]?.last !== undefined);
        set({
          market: result.market,
          series: appendTicks(get().series, result.market.tickers, changed),
          candles: applyLive(get().candles, result.market, Object.keys(diff.candles ?? {})),
        });
      }
      return result;
    },
    restoreOffline: (kept) => {
      // Only before any snapshot: live prices are never replaced by kept ones.
      if (get().market.epoch !== null) return;
      set({
        market: { ...emptyMarket(), tickers: { ...kept.tickers } },
        watchlist: get().watchlist.length > 0 ? get().watchlist : [...kept.watchlist],
        offlineSince: kept.savedAt,
      });
    },
    setHistory: (stream, points) => {
      const live = get().series[stream] ?? [];
      const newest = points.at(-1)?.[0] ?? -Infinity;
      const merged = [...points, ...live.filter(([t]) => t > newest)].slice(-MAX_SERIES_POINTS);
      set({ series: { ...get().series, [stream]: merged } });
    },
    setWatchlist: (streams) => set({ watchlist: [...streams] }),
    setPinned: (streams) => set({ pinned: [...streams] }),
    select: (stream) => set({ selected: stream }),
    setChart: (choice) => set({ chart: { ...get().chart, ...choice } }),
    openCandles: (id) => {
      if (get().candles[id]) return;
      const opened = applyLive({ ...get().candles, [id]: loadingSeries() }, get().market, [id]);
      set({ candles: opened });
    },
    candlesLoaded: (id, page, older) => {
      const series = get().candles[id];
      if (series) set({ candles: { ...get().candles, [id]: withPage(series, page, older) } });
    },
    candlesFailed: (id, message) => {
      const series = get().candles[id];
      if (series) set({ candles: { ...get().candles, [id]: withError(series, message) } });
    },
    setLowData: (lowData) => set({ lowData }),
    notify: (notice) => set({ notice }),
    setAlerts: (alerts) => set({ alerts: [...alerts] }),
    alertFired: (alert) => {
      const { alerts, firedAlerts } = get();
      // One message per firing: the server sends it once, but never let a repeat notify twice.
      if (firedAlerts.some((a) => a.id === alert.id)) return;
      set({
        alerts: alerts && alerts.map((a) => (a.id === alert.id ? alert : a)),
        // Bounded by what a user can have set, in case nothing ever takes them (no panel mounted).
        firedAlerts: [...firedAlerts, alert].slice(-MAX_ALERTS_PER_USER),
      });
    },
    firedAlertsTold: (ids) => {
      const told = new Set(ids);
      const firedAlerts = get().firedAlerts.filter((a) => !told.has(a.id));
      if (firedAlerts.length !== get().firedAlerts.length) set({ firedAlerts });
    },
    setPortfolioValue: (portfolioValue) => {
      const held = get().portfolioValue;
      if (held?.value !== portfolioValue?.value || held?.currency !== portfolioValue?.currency)
        set({ portfolioValue });
    },
  }));
}

// Series get a point per changed last price, one per second at most (the resolution of the server's history).
function appendTicks(
  series: DashboardState['series'],
  tickers: Record<StreamId, Ticker>,
  streams: readonly StreamId[],
): DashboardState['series'] {
  let next = series;
  for (const stream of streams) {
    const ticker = tickers[stream];
    if (!ticker || ticker.last === null) continue;
    const time = ticker.receivedAt - (ticker.receivedAt % 1000);
    const points = next[stream] ?? [];
    const last = points.at(-1);
    if (last && last[0] > time) continue;
    const updated =
      last && last[0] === time
        ? [...points.slice(0, -1), [time, ticker.last] as [number, number]]
        : [...points, [time, ticker.last] as [number, number]];
    if (next === series) next = { ...series };
    next[stream] = updated.length > MAX_SERIES_POINTS ? updated.slice(-MAX_SERIES_POINTS) : updated;
  }
  return next;
}

// The live candles of `ids` applied to the series the chart holds (K5); streams it never opened are left alone.
function applyLive(
  candles: DashboardState['candles'],
  market: SyncedMarket,
  ids: readonly StreamId[],
): DashboardState['candles'] {
  let next = candles;
  for (const id of ids) {
    const series = next[id];
    const live = market.candles[id];
    const ref = parseCandleStreamId(id);
    if (!series || !live || !ref) continue;
    if (next === candles) next = { ...candles };
    next[id] = withLive(series, live, ref.timeframe).series;
  }
  return next;
}

/** The stream of the big chart: the selected one while it is watched, else the first watched stream. */
export function selectChartStream(state: DashboardState): StreamId | null {
  const { selected, watchlist } = state;
  return selected !== null && watchlist.includes(selected) ? selected : (watchlist[0] ?? null);
}

/** The candle stream the chart subscribes (K1): of its market and timeframe while it draws candles, else none. */
export function selectChartCandleStream(state: DashboardState): StreamId | null {
  const stream = selectChartStream(state);
  return stream !== null && state.chart.mode === 'candles'
    ? candleStreamId(stream, state.chart.timeframe)
    : null;
}
