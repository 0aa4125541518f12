/** The browser tab's one socket.io connection: keeps the dashboard store in sync with the server (docs/protocol.md). */
import { io } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../../lib/protocol';
import { isAnswer } from '../api/contract-answer';
import type { SessionEnded, StreamId } from '../../lib/protocol';
import type { ConnectionState, DashboardStore } from '../store/dashboard-store';
import { OFFLINE_NOTICE } from '../store/notice';
import type { NoticeMessage } from '../store/notice';
import { selectChartCandleStream } from '../store/dashboard-store';
import { HistoryLoader } from './history-loader';
import { defaultStorage, readLowData, saveLowData } from './low-data-preference';
import type { PreferenceStorage } from './low-data-preference';
import { browserOffline, watchNetwork } from './network-status';
import { request } from './requests';
import type { DashboardSocket, Unanswered } from './requests';
import { LOW_DATA_FREQUENCY, SubscriptionSync } from './subscription-sync';

export { LOW_DATA_FREQUENCY } from './subscription-sync';

/** What the UI can ask of the connection. */
export interface DashboardConnection {
  /** Adds a stream to the (server-side, shared) watchlist; on refusal puts a clear notice in the store and resolves false. */
  addStream(stream: StreamId): Promise<boolean>;
  removeStream(stream: StreamId): Promise<boolean>;
  /** Low-data mode: asks the server for maxFrequency 1 instead of the default; persists the choice in localStorage when available. */
  setLowData(lowData: boolean): Promise<void>;
  /** Keeps these streams subscribed besides the watchlist (the markets that price the user's holdings). */
  pin(streams: readonly StreamId[]): void;
  /** Selects the stream of the big chart (store.select) and loads its full history. */
  select(stream: StreamId): void;
  close(): void;
}

/** Injection points, for tests and for a server on another origin. */
export interface ConnectDashboardOptions {
  /** The server's origin; undefined means the page's own. */
  url?: string;
  ioFactory?: typeof io;
  fetchImpl?: typeof fetch;
  now?: () => number;
  /** Where the low-data choice is kept; null keeps it nowhere; default localStorage when there is one. */
  storage?: PreferenceStorage | null;
  /** Called once the session is over (signed out, expired, or refused at the handshake); default: go to /login. */
  onSessionEnded?: (reason: SessionEndReason) => void;
}

/** Why the connection stopped for good: the server said so, or it refused the handshake for want of a session. */
export type SessionEndReason = SessionEnded['reason'] | 'refused';

const goToSignIn = () => {
  if (typeof window !== 'undefined') window.location.assign('/login');
};

/** socket.io's own reconnection: 0.5 s doubling to 10 s, ±50 % so a restarted server is not hit all at once. */
export const RECONNECTION = {
  reconnection: true,
  reconnectionDelay: 500,
  reconnectionDelayMax: 10_000,
  randomizationFactor: 0.5,
  reconnectionAttempts: Infinity,
} as const;

// The protocol's default rate (M7), for a server that has not said hello yet.
const FALLBACK_FREQUENCY = 4;

/** Opens the connection and keeps `store` in sync until `close()`. */
export function connectDashboard(
  store: DashboardStore,
  options: ConnectDashboardOptions = {},
): DashboardConnection {
  const now = options.now ?? Date.now;
  const storage = options.storage === undefined ? defaultStorage() : options.storage;
  const fetchImpl = options.fetchImpl ?? ((input, init) => fetch(input, init));
  const state = () => store.getState();
  const notify = (message: NoticeMessage) => state().notify({ ...message, kind: 'error', at: now() });
  const setConnection = (next: ConnectionState) => state().setConnection(next, now());
  const heard = () => state().heard(now());

  // A store handed over from an earlier connection (React remounts) must not show its old state as live.
  setConnection('connecting');
  const saved = readLowData(storage);
  if (saved !== null) state().setLowData(saved);

  const socket: DashboardSocket = (options.ioFactory ?? io)(options.url, {
    ...RECONNECTION,
    // One manager per connection, so that close() ends everything it opened.
    forceNew: true,
    autoConnect: false,
  });
  const baseUrl = (options.url ?? '').replace(/\/+$/, '');
  const history = new HistoryLoader(store, {
    baseUrl,
    fetchImpl,
    notify,
  });
  let closed = false;
  let everLive = false;
  let defaultFrequency = FALLBACK_FREQUENCY;
  let rejoinTimer: ReturnType<typeof setTimeout> | null = null;
  const sync = new SubscriptionSync(socket, store, history, {
    live: () => {
      everLive = true;
      setConnection('live');
    },
    notify: (text) => notify({ text }),
  });

  // The chart's candle stream follows its market, timeframe and mode: the subscription follows it (K1).
  let chartCandles = selectChartCandleStream(state());
  const stopFollowingChart = store.subscribe((current) => {
    const next = selectChartCandleStream(current);
    if (next === chartCandles) return;
    chartCandles = next;
    if (!closed) void sync.reconcile();
  });

  // Every packet (events and acknowledgements alike) and every heartbeat shows the server is there.
  socket.io.on('packet', heard);
  socket.io.on('ping', heard);
  socket.on('connect', () => {
    setConnection(everLive ? 'reconnecting' : 'connecting');
    sync.start();
  });
  socket.on('disconnect', (reason) => {
    sync.stop();
    if (closed) return;
    setConnection(browserOffline() ? 'offline' : 'reconnecting');
    // socket.io retries by itself except after the server's own disconnect (e.g. a client over its limits).
    // Waiting the longest backoff delay keeps a client the server dropped for abuse from hammering it.
    if (reason === 'io server disconnect') {
      rejoinTimer = setTimeout(() => socket.connect(), socket.io.reconnectionDelayMax());
    }
  });
  socket.on('connect_error', () => {
    // Not active: socket.io gave up on this connection (a refusal it does not retry).
    if (browserOffline() || !socket.active) setConnection('offline');
    // A refused handshake looks like any connection error; ask whether the session is still there.
    if (!browserOffline()) void checkSession();
  });
  socket.on('session:ended', ({ reason }) => endSession(reason));
  socket.io.on('reconnect_failed', () => setConnection('offline'));
  socket.on('server:hello', (hello) => {
    state().setHello(hello, now());
    defaultFrequency = hello.limits.defaultFrequency;
    // A tab left open across a server upgrade runs old code: say so rather than misread new messages.
    if (hello.protocol !== PROTOCOL_VERSION) {
      const values = { server: String(hello.protocol), page: String(PROTOCOL_VERSION) };
      state().notify({ kind: 'info', key: 'protocolMismatch', values, at: now() });
    }
  });
  socket.on('feeds:status', (status) => state().setFeeds(status.feeds));
  socket.on('market:diff', (diff) => sync.onDiff(diff));
  socket.on('market:snapshot', (snapshot) => sync.onSnapshot(snapshot));
  socket.on('watchlist:changed', (watchlist) => watchlistChanged(watchlist.streams));
  socket.on('protocol:error', (error) => notify({ text: error.message }));
  // The server is going down (C5): say so at once rather than when the transport notices.
  socket.on('server:shutdown', () => setConnection('reconnecting'));
  socket.on('alerts:changed', (changed) => state().setAlerts(changed.alerts));
  socket.on('alert:triggered', ({ alert }) => {
    state().alertFired(alert);
    state().notify({ kind: 'info', alert, at: now() });
  });

  const stopWatchingNetwork = watchNetwork({
    offline: () => {
      if (!socket.connected) setConnection('offline');
    },
    online: () => {
      if (closed || socket.connected) return;
      setConnection('reconnecting');
      // Retry now rather than after the backoff's remaining delay: restarting the manager's loop is safe,
      // calling connect() in the middle of its backoff is not (it would leave the loop stuck).
      socket.disconnect();
      socket.connect();
    },
  });

  let checking = false;
  async function checkSession(): Promise<void> {
    if (checking || closed) return;
    checking = true;
    try {
      const response = await fetchImpl(`${baseUrl}/api/v1/auth/session`, { credentials: 'same-origin' });
      const body: unknown = response.ok ? await response.json() : null;
      // Only the contract's "no one is signed in" ends the session; a proxy's page is not a sign-out.
      if (isAnswer('auth.session', body) && body.user === null) endSession('refused');
    } catch {
      // The server is unreachable: socket.io keeps retrying and the indicator says so.
    } finally {
      checking = false;
    }
  }

  function endSession(reason: SessionEndReason): void {
    if (closed) return;
    connection.close();
    setConnection('offline');
    (options.onSessionEnded ?? goToSignIn)(reason);
  }

  function watchlistChanged(streams: readonly StreamId[]): void {
    const { selected, select } = state();
    state().setWatchlist(streams);
    if (selected !== null && !streams.includes(selected)) select(null);
    void sync.reconcile();
  }

  async function changeWatchlist(event: 'watchlist:add' | 'watchlist:remove', stream: StreamId) {
    if (closed) return false;
    if (!socket.connected) {
      notify(OFFLINE_NOTICE);
      return false;
    }
    const answer = await request(socket, event, { stream }, (answer) => {
      if (answer.ok && !closed) watchlistChanged(answer.watchlist.streams);
    });
    if (closed) return false;
    if (!answer.ok) notify(failureNotice(answer));
    return answer.ok;
  }

  socket.connect();
  const connection: DashboardConnection = {
    addStream: (stream) => changeWatchlist('watchlist:add', stream),
    removeStream: (stream) => changeWatchlist('watchlist:remove', stream),
    async setLowData(lowData) {
      if (closed) return;
      if (socket.connected) {
        const answer = await sync.setRate(lowData ? LOW_DATA_FREQUENCY : defaultFrequency);
        // Refused (the sync told the user) or unanswered on a live connection: nothing changes. A connection
        // lost meanwhile keeps the choice for the next connect, which subscribes with it.
        if (answer && !answer.ok && socket.connected) {
          if ('unanswered' in answer) notify(failureNotice(answer));
          return;
        }
      }
      state().setLowData(lowData);
      saveLowData(storage, lowData);
    },
    pin(streams) {
      const current = state().pinned;
      if (streams.length === current.length && streams.every((s, i) => s === current[i])) return;
      state().setPinned(streams);
      if (!closed) void sync.reconcile();
    },
    select(stream) {
      state().select(stream);
      if (!closed && socket.connected) void history.ensure([stream]);
    },
    close() {
      if (closed) return;
      closed = true;
      if (rejoinTimer) clearTimeout(rejoinTimer);
      stopWatchingNetwork();
      stopFollowingChart();
      sync.stop();
      history.close();
      socket.disconnect();
    },
  };
  return connection;
}

// A refusal in the server's words; an answer that never came in the page's own.
function failureNotice(answer: { error: { message: string } } | Unanswered): NoticeMessage {
  return 'unanswered' in answer ? { key: 'noAnswer' } : { text: answer.error.message };
}
