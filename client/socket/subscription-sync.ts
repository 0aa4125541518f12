/**
 * Keeps one connection's subscription equal to the watchlist plus the pinned streams, and the store's market equal to the server's
 * (docs/protocol.md M1-M3, M8, M9): the sync after each connect, watchlist changes, resyncs and the rate.
 */
import type { MarketDiff, MarketSnapshot, StreamId } from '../../lib/protocol';
import { isCandleStreamId } from '../../lib/candle-stream';
import { selectChartCandleStream } from '../store/dashboard-store';
import type { DashboardState, DashboardStore } from '../store/dashboard-store';
import type { HistoryLoader } from './history-loader';
import { isTransient, request } from './requests';
import { RetryTimers, retryDelay } from './retry-timers';
import type { AnswerOf, DashboardSocket, Unanswered } from './requests';

/** The rate low-data mode asks for, messages per second. */
export const LOW_DATA_FREQUENCY = 1;

type SnapshotAnswer = AnswerOf<'market:subscribe'> | Unanswered;

// Everything of one connection; a reconnect starts a new session and the old one's late answers are dropped.
interface Session {
  queue: Promise<unknown>;
  /** Requests that answer with a snapshot, queued or in flight. */
  pending: number;
  /** A diff could not be applied while a snapshot was on its way; checked again once none is. */
  lostDiff: boolean;
  reconcile: Promise<void> | null;
  subscribed: Set<StreamId>;
  timers: RetryTimers;
}

/** The watchlist, the priced holdings and the chart's candle stream: what the subscription must hold. */
function wantedStreams(state: DashboardState, watchlist: readonly StreamId[]): StreamId[] {
  const candles = selectChartCandleStream({ ...state, watchlist: [...watchlist] });
  return [...new Set([...watchlist, ...state.pinned, ...(candles ? [candles] : [])])];
}

/** What the sync reports back to the connection. */
export interface SyncHooks {
  /** The first snapshot of a session is in the store. */
  live(): void;
  notify(text: string): void;
}

/** One per connection; `start` on each connect, `stop` on each disconnect. */
export class SubscriptionSync {
  private session: Session | null = null;

  constructor(
    private readonly socket: DashboardSocket,
    private readonly store: DashboardStore,
    private readonly history: HistoryLoader,
    private readonly hooks: SyncHooks,
  ) {}

  /** A new connection: get the watchlist, subscribe to it, take the snapshot, load history. */
  start(): void {
    this.stop();
    const session: Session = {
      queue: Promise.resolve(),
      pending: 0,
      lostDiff: false,
      reconcile: null,
      subscribed: new Set(),
      timers: new RetryTimers(),
    };
    this.session = session;
    void this.enqueue(session, () => this.initialSync(session));
  }

  /** The connection is gone: answers still on their way belong to nobody. */
  stop(): void {
    const session = this.session;
    this.session = null;
    session?.timers.cancel();
  }

  /** A diff from the server; a gap, another epoch or no base state asks for one resync (M3). */
  onDiff(diff: MarketDiff): void {
    const result = this.store.getState().applyDiff(diff);
    const session = this.session;
    if (result.applied || result.reason === 'old-seq' || !session) return;
    // A snapshot already on its way replaces the state anyway; one more request would only cost a message.
    if (session.pending > 0) session.lostDiff = true;
    else this.resync(session);
  }

  /** A snapshot the server sent by itself (M8). */
  onSnapshot(snapshot: MarketSnapshot): void {
    this.store.getState().applySnapshot(snapshot);
    if (this.session) this.session.lostDiff = false;
  }

  /**
   * Subscribes to streams of the watchlist or pinned (priced holdings) not subscribed yet and drops those that
   * left both; one at a time.
   */
  reconcile(): Promise<void> {
    const session = this.session;
    if (!session) return Promise.resolve();
    // A reconcile that has not started yet will read the newest watchlist: no need for a second one.
    if (session.reconcile) return session.reconcile;
    const run = this.enqueue(session, async () => {
      session.reconcile = null;
      const wanted = new Set(wantedStreams(this.store.getState(), this.store.getState().watchlist));
      const added = [...wanted].filter((s) => !session.subscribed.has(s));
      const removed = [...session.subscribed].filter((s) => !wanted.has(s));
      const take = (answer: SnapshotAnswer) => this.take(session, answer);
      if (added.length > 0) {
        const answer = await request(this.socket, 'market:subscribe', { streams: added }, take);
        if (answer.ok && this.session === session) {
          const tickers = added.filter((s) => !isCandleStreamId(s));
          this.history.forget(tickers);
          void this.history.ensure(tickers);
        }
      }
      if (removed.length > 0) {
        const answer = await request(this.socket, 'market:unsubscribe', { streams: removed }, take);
        if (answer.ok && this.session === session)
          this.history.forget(removed.filter((s) => !isCandleStreamId(s)));
      }
    }).then(() => undefined);
    session.reconcile = run;
    return run;
  }

  /** Sets the rate of the subscription (M7); resolves with the answer, or null without a connection. */
  async setRate(maxFrequency: number): Promise<SnapshotAnswer | null> {
    const session = this.session;
    if (!session) return null;
    return this.enqueue(session, async () => {
      const payload = { streams: [], maxFrequency };
      return request(this.socket, 'market:subscribe', payload, (answer) => this.take(session, answer));
    });
  }

  private async initialSync(session: Session): Promise<void> {
    for (let attempt = 0; this.session === session; attempt++) {
      const failure = await this.trySync(session);
      if (!failure || this.session !== session) return;
      if (!isTransient(failure.error, 'unanswered' in failure)) this.hooks.notify(failure.error.message);
      await session.timers.wait(retryDelay(attempt, failure.error.retryAfterMs));
    }
  }

  // Resolves with the failure that stopped the sync, or null when done (or when the session ended).
  private async trySync(session: Session) {
    const got = await request(this.socket, 'watchlist:get', {}, (answer) => {
      if (answer.ok && this.session === session) this.store.getState().setWatchlist(answer.watchlist.streams);
    });
    if (this.session !== session) return null;
    if (!got.ok) return got;
    const state = this.store.getState();
    const watched = got.watchlist.streams;
    const streams = wantedStreams(state, watched);
    // Before the snapshot: it adds a live point that would hide the gap the history must fill.
    const plan = this.history.plan(state.selected ? [...watched, state.selected] : watched);
    const answer = await request(
      this.socket,
      'market:subscribe',
      state.lowData ? { streams, maxFrequency: LOW_DATA_FREQUENCY } : { streams },
      (answer) => answer.ok && this.take(session, answer),
    );
    if (this.session !== session) return null;
    if (!answer.ok) return answer;
    this.hooks.live();
    void this.history.load(plan);
    return null;
  }

  private resync(session: Session): void {
    void this.enqueue(session, async () => {
      for (let attempt = 0; this.session === session; attempt++) {
        const answer = await request(this.socket, 'market:resync', {}, (a) => this.take(session, a));
        if (answer.ok || this.session !== session) return;
        await session.timers.wait(retryDelay(attempt, answer.ok ? undefined : answer.error.retryAfterMs));
      }
    });
  }

  // Applies the snapshot of an answer to the current session; a refusal goes to the user.
  private take(session: Session, answer: SnapshotAnswer): boolean {
    if (this.session !== session) return false;
    if (!answer.ok) {
      if (!('unanswered' in answer)) this.hooks.notify(answer.error.message);
      return false;
    }
    this.store.getState().applySnapshot(answer.snapshot);
    session.subscribed = new Set(answer.subscription.streams);
    session.lostDiff = false;
    return true;
  }

  // Requests answering with a snapshot go one at a time, so the last answer applied is the newest state.
  private enqueue<T>(session: Session, op: () => Promise<T>): Promise<T | null> {
    session.pending++;
    const run = session.queue.then(() => (this.session === session ? op() : null));
    session.queue = run.catch(() => undefined);
    return run.finally(() => {
      session.pending--;
      if (session.pending === 0 && session.lostDiff && this.session === session) {
        session.lostDiff = false;
        this.resync(session);
      }
    });
  }
}
