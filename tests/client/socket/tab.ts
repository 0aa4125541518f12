/** Test harness: dashboard "tabs" (a store plus connectDashboard) on a real socket.io client, closed after each test. */
import { io } from 'socket.io-client';
import type { ManagerOptions, SocketOptions } from 'socket.io-client';
import { afterEach } from 'vitest';
import { connectDashboard } from '../../../client/socket/dashboard-connection';
import type {
  ConnectDashboardOptions,
  DashboardConnection,
} from '../../../client/socket/dashboard-connection';
import type { DashboardSocket } from '../../../client/socket/requests';
import { noticeText } from '../../../client/store/notice';
import type { Notice } from '../../../client/store/notice';
import { createDashboardStore } from '../../../client/store/dashboard-store';
import type { ConnectionState, DashboardStore } from '../../../client/store/dashboard-store';
import type { Stack, Target } from '../../support/stack';
import { expectConverged as expectTickersConverged } from '../../support/converge';
import { api, waitFor, withCookie } from '../../support/stack';
import { translatorFor } from '../../support/i18n';

/** A request the tab sent and, once it came, its answer. */
export interface SentRequest {
  event: string;
  payload: unknown;
  answer?: unknown;
}

/** One dashboard tab and what it did. */
export interface Tab {
  store: DashboardStore;
  connection: DashboardConnection;
  socket: DashboardSocket;
  requests: SentRequest[];
  /** URLs of every HTTP request. */
  fetches: URL[];
  /** Every connection state the store went through, in order. */
  states: ConnectionState[];
  sent(event: string): SentRequest[];
  /** Runs inside each acknowledgement right after the connection handled it, like a message in the same chunk. */
  afterAnswer: ((request: SentRequest) => void) | null;
}

/** Options of a tab: connectDashboard's, plus socket.io options over the connection's own. */
export interface TabOptions extends Omit<ConnectDashboardOptions, 'ioFactory'> {
  socket?: Partial<ManagerOptions & SocketOptions>;
  store?: DashboardStore;
}

/** Opens tabs for a test file and closes them after each test. */
export function tabs(): (stack: Target, options?: TabOptions) => Tab {
  const open: Tab[] = [];
  afterEach(() => {
    for (const tab of open.splice(0)) tab.connection.close();
  });
  return (stack, options = {}) => {
    const tab = openTab(stack, options);
    open.push(tab);
    return tab;
  };
}

function openTab(stack: Target, { socket: overrides, store: given, ...options }: TabOptions): Tab {
  // The line chart unless a test asks for candles: the tests of tickers see only the streams they watch.
  const store = given ?? createDashboardStore({ chart: { mode: 'line', timeframe: '15m' } });
  const requests: SentRequest[] = [];
  const states: ConnectionState[] = [store.getState().connection.state];
  store.subscribe((s) => {
    if (s.connection.state !== states.at(-1)) states.push(s.connection.state);
  });
  // Filled in below: the factory runs inside connectDashboard, before it returns.
  const tab = {
    store,
    requests,
    fetches: [],
    states,
    sent: (event) => requests.filter((r) => r.event === event),
    afterAnswer: null,
  } as Omit<Tab, 'connection' | 'socket'> as Tab;
  const ioFactory = ((uri?: string, opts?: Partial<ManagerOptions & SocketOptions>) => {
    // A browser sends the session cookie by itself; this Node client carries it as a header.
    const s: DashboardSocket = io(uri, withCookie(stack, { ...opts, ...overrides }));
    recordRequests(s, requests, (r) => tab.afterAnswer?.(r));
    tab.socket = s;
    return s;
  }) as typeof io;
  tab.connection = connectDashboard(store, {
    url: stack.url,
    storage: null,
    fetchImpl: (input, init) => {
      tab.fetches.push(new URL(String(input)));
      const headers = new Headers(init?.headers);
      if (stack.cookie) headers.set('cookie', stack.cookie);
      return fetch(input, { ...init, headers });
    },
    ...options,
    ioFactory,
  });
  if (!tab.socket) throw new Error('connectDashboard did not open a socket');
  return tab;
}

// Wraps emit so every request and its acknowledgement are recorded (emitWithAck goes through emit).
function recordRequests(
  socket: DashboardSocket,
  requests: SentRequest[],
  afterAnswer: (request: SentRequest) => void,
): void {
  const emit = socket.emit.bind(socket) as unknown as (event: string, ...args: unknown[]) => unknown;
  const wrapped = (event: string, ...args: unknown[]) => {
    const ack = args.at(-1);
    if (typeof ack === 'function') {
      const entry: SentRequest = { event, payload: args[0] };
      requests.push(entry);
      args[args.length - 1] = (error: unknown, answer: unknown) => {
        entry.answer = error ?? answer;
        ack(error, answer);
        afterAnswer(entry);
      };
    }
    return emit(event, ...args);
  };
  (socket as unknown as { emit: typeof wrapped }).emit = wrapped;
}

/** Resolves once the tab is live with a market epoch other than `notEpoch`. */
export async function live(tab: Tab, notEpoch: string | null = null, timeoutMs = 10_000): Promise<void> {
  await waitFor(
    () => {
      const s = tab.store.getState();
      return s.connection.state === 'live' && s.market.epoch !== null && s.market.epoch !== notEpoch;
    },
    timeoutMs,
    'a live connection',
  );
}

/** Freezes the exchange and expects every tab's market to become the server's (tests/support/converge.ts). */
export function expectConverged(stack: Stack, tabs: Tab[], streams: readonly string[]): Promise<void> {
  return expectTickersConverged(stack, () => tabs.map((tab) => tab.store.getState().market.tickers), streams);
}

/** The server's history of a stream over HTTP; empty while its markets are not loaded yet. */
export async function serverHistory(stack: Stack, stream: string): Promise<Array<[number, number]>> {
  const res = await api(stack, `/api/v1/history?stream=${encodeURIComponent(stream)}`);
  return res.ok ? ((await res.json()) as { points: Array<[number, number]> }).points : [];
}

/** A notice as the banner writes it in English; undefined without one. */
export function noticeInEnglish(notice: Notice | null): string | undefined {
  if (!notice) return undefined;
  return noticeText(notice, translatorFor('dashboard'), translatorFor('alerts'));
}
