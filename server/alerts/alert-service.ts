/**
 * Alerts on the server (docs/protocol.md P7): price levels and moves checked against every live tick, portfolio
 * values at every valuation round; each fired once, told to the owner's open tabs and queued for its channels.
 */
import { MAX_ALERTS_PER_USER, MOVE_WINDOW_MS } from '../../lib/alerts';
import type { NewAlert } from '../../lib/alerts';
import type { Alert, StreamId, Ticker } from '../../lib/protocol';
import { AppError, text } from '../errors';
import type { MarketCatalog } from '../feeds/catalog';
import type { AlertSpec, AlertStore, OwnedAlert } from '../store/alert-store';
import { levelMet, moveMet } from './conditions';
import type { WindowRange } from './conditions';

/** How often portfolio alerts are checked: a valuation per user with one waiting, cheap at this pace. */
export const PORTFOLIO_CHECK_MS = 15_000;

/** The price ranges move alerts measure against (server/alerts/move-windows.ts). */
export interface MoveRanges {
  /** Keep `stream`'s prices for `windowMs` at least (seeded from the exchange's candles). */
  watch(stream: StreamId, windowMs: number): Promise<void>;
  unwatch(stream: StreamId): void;
  record(stream: StreamId, price: number, at: number): void;
  range(stream: StreamId, windowMs: number, now: number): WindowRange | null;
}

/** A portfolio's value as the valuation gives it: only a complete one (every holding priced) can fire an alert. */
export interface PortfolioValue {
  value: string;
  complete: boolean;
}

export interface AlertDeps {
  store: AlertStore;
  catalog: Pick<MarketCatalog, 'check'>;
  moves: MoveRanges;
  /** The latest ticker of a stream, to check a new alert at once. */
  ticker(stream: StreamId): Ticker | undefined;
  /** The ids of the user's alert channels (N8), oldest first. */
  channels(userId: number): Promise<string[]>;
  /** The user's portfolio currency, for a portfolio alert that names none. */
  currency(userId: number): Promise<string>;
  /** The user's portfolio value in `currency` now. */
  portfolioValue(userId: number, currency: string): Promise<PortfolioValue>;
  /** An alert fired: tell its owner. */
  triggered(userId: number, alert: Alert): void;
  /** A user's alerts changed (set, deleted, fired): their tabs refresh the list. */
  changed(userId: number, alerts: Alert[]): void;
  /** The set of streams with waiting alerts changed: the feeds must watch them. */
  streamsChanged(): void;
  /** Alerts could not be checked, marked or told (the database failed): logged, the ticks go on. */
  failed?(err: unknown): void;
  now?: () => number;
}

const shown = ({ userId: _owner, ...alert }: OwnedAlert): Alert => alert;

type StreamAlert = Extract<OwnedAlert, { stream: StreamId }>;
type PortfolioOwned = Extract<OwnedAlert, { kind: 'portfolio' }>;

const missing = (id: string) => new AppError('NOT_FOUND', text('errors', 'noAlert', { id }));

/**
 * Keeps the waiting alerts indexed by stream (and portfolio alerts by user), so a tick of a market nobody set an
 * alert on costs one lookup. `load` fills the index from the database before the first tick.
 */
export class AlertService {
  private readonly waiting = new Map<StreamId, StreamAlert[]>();
  private readonly portfolios = new Map<number, PortfolioOwned[]>();
  private readonly now: () => number;

  constructor(private readonly deps: AlertDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** Indexes the stored alerts still waiting (at start). */
  async load(): Promise<void> {
    for (const alert of await this.deps.store.waiting()) this.index(alert);
    this.watchMoves();
  }

  async list(userId: number): Promise<Alert[]> {
    return (await this.deps.store.list(userId)).map(shown);
  }

  /**
   * Sets an alert (on a market that exists, sent to channels the user has); one whose condition holds already
   * fires at once.
   */
  async create(userId: number, input: NewAlert): Promise<Alert> {
    if (input.kind !== 'portfolio') this.deps.catalog.check(input.stream);
    const channels = await this.channelsFor(userId, input.channels);
    if ((await this.deps.store.count(userId)) >= MAX_ALERTS_PER_USER) {
      throw new AppError('CONFLICT', text('errors', 'tooManyAlerts', { max: String(MAX_ALERTS_PER_USER) }));
    }
    const spec = await this.specOf(userId, input);
    const alert = await this.deps.store.insert(userId, spec, channels, this.now());
    const fresh = alert.kind !== 'portfolio' && !this.waiting.has(alert.stream);
    this.index(alert);
    if (fresh) this.deps.streamsChanged();
    if (alert.kind === 'move') this.watchMoves();
    if (alert.kind === 'portfolio') await this.checkUser(userId);
    else {
      const ticker = this.deps.ticker(alert.stream);
      if (ticker) await this.fire(alert.stream, ticker);
    }
    const list = await this.list(userId);
    this.deps.changed(userId, list);
    return list.find((a) => a.id === alert.id) ?? shown(alert);
  }

  /** Changes the channels one of the user's alerts goes to. */
  async setChannels(userId: number, id: string, wanted: string[]): Promise<Alert> {
    const channels = await this.channelsFor(userId, wanted);
    if (!(await this.deps.store.setChannels(userId, id, channels))) throw missing(id);
    // The index holds the channels too: the outbox reads them from the fired alert.
    const list = await this.reload(userId);
    this.deps.changed(userId, list);
    const alert = list.find((a) => a.id === id);
    if (!alert) throw missing(id);
    return alert;
  }

  /** Deletes one of the user's alerts; another user's id is NOT_FOUND, like one that never existed. */
  async remove(userId: number, id: string): Promise<void> {
    if (!(await this.deps.store.remove(userId, id))) throw missing(id);
    this.deps.changed(userId, await this.reload(userId));
  }

  /** The user's channels changed (one was deleted, and with it its place in alerts): tabs and index follow. */
  async channelsChanged(userId: number): Promise<void> {
    this.deps.changed(userId, await this.reload(userId));
  }

  /**
   * Takes a user's alerts from the store again (another instance of the cluster, or a change here, changed them),
   * indexes the waiting ones and returns them all as the API shows them.
   */
  async reload(userId: number): Promise<Alert[]> {
    const stored = await this.deps.store.list(userId);
    // Swapped in one synchronous step, so a tick in between sees either the old alerts or the new.
    const before = new Set(this.waiting.keys());
    for (const [stream, alerts] of [...this.waiting]) {
      const kept = alerts.filter((a) => a.userId !== userId);
      if (kept.length > 0) this.waiting.set(stream, kept);
      else this.waiting.delete(stream);
    }
    this.portfolios.delete(userId);
    for (const alert of stored) this.index(alert);
    this.watchMoves();
    const after = new Set(this.waiting.keys());
    if (after.size !== before.size || [...after].some((s) => !before.has(s))) this.deps.streamsChanged();
    return stored.map(shown);
  }

  /** Streams with waiting alerts. */
  streams(): StreamId[] {
    return [...this.waiting.keys()];
  }

  /**
   * Checks a stream's new ticker; a stale or priceless one proves nothing and fires nothing. Never rejects: a
   * database failure goes to `failed`.
   */
  async tick(stream: StreamId, ticker: Ticker): Promise<void> {
    try {
      if (!ticker.stale && ticker.last !== null)
        this.deps.moves.record(stream, ticker.last, ticker.receivedAt);
      await this.tellOwners(await this.fire(stream, ticker));
    } catch (err) {
      this.deps.failed?.(err);
    }
  }

  /**
   * Values the portfolio of every user with a waiting portfolio alert and fires those met. Never rejects; one
   * user's failure does not stop the others'.
   */
  async checkPortfolios(): Promise<void> {
    for (const userId of [...this.portfolios.keys()]) {
      try {
        await this.tellOwners(await this.checkUser(userId));
      } catch (err) {
        this.deps.failed?.(err);
      }
    }
  }

  /** Checks one user's portfolio alerts now: their transactions changed. Never rejects. */
  async portfolioChanged(userId: number): Promise<void> {
    if (!this.portfolios.has(userId)) return;
    try {
      await this.tellOwners(await this.checkUser(userId));
    } catch (err) {
      this.deps.failed?.(err);
    }
  }

  /**
   * Checks the portfolio alerts every `intervalMs` while `active` (the instance that runs the feeds, as for the
   * value history); a round that outlasts the interval is not overtaken by the next. Returns the stop.
   */
  startPortfolioChecks(intervalMs: number, active: () => boolean): () => void {
    let running = false;
    const timer = setInterval(() => {
      if (running || !active() || this.portfolios.size === 0) return;
      running = true;
      void this.checkPortfolios().finally(() => (running = false));
    }, intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  private async tellOwners(owners: Set<number>): Promise<void> {
    for (const owner of owners) this.deps.changed(owner, await this.list(owner));
  }

  /** The channels asked for, each one of the user's; left out, all of them. */
  private async channelsFor(userId: number, wanted: string[] | undefined): Promise<string[]> {
    const owned = await this.deps.channels(userId);
    if (wanted === undefined) return owned;
    const unknown = wanted.find((id) => !owned.includes(id));
    if (unknown !== undefined)
      throw new AppError('BAD_REQUEST', text('errors', 'noAlertChannel', { id: unknown.slice(0, 100) }));
    return wanted;
  }

  private async specOf(userId: number, input: NewAlert): Promise<AlertSpec> {
    const note = input.note ?? null;
    if (input.kind === 'portfolio')
      return {
        kind: 'portfolio',
        condition: input.condition,
        value: input.value,
        currency: input.currency ?? (await this.deps.currency(userId)),
        note,
      };
    if (input.kind === 'move') {
      const { stream, direction, percent, window } = input;
      return { kind: 'move', stream, direction, percent, window, note };
    }
    return { kind: 'price', stream: input.stream, condition: input.condition, price: input.price, note };
  }

  /**
   * Fires the stream's alerts that the ticker meets; returns their owners. They leave the index at once, before
   * the database is written, so the next tick cannot fire them again.
   */
  private async fire(stream: StreamId, ticker: Ticker): Promise<Set<number>> {
    const alerts = this.waiting.get(stream);
    if (!alerts || ticker.stale || ticker.last === null) return new Set();
    const last = ticker.last;
    const ranges = new Map<number, WindowRange | null>();
    const rangeOf = (windowMs: number) => {
      if (!ranges.has(windowMs))
        ranges.set(windowMs, this.deps.moves.range(stream, windowMs, ticker.receivedAt));
      return ranges.get(windowMs) ?? null;
    };
    const met: { alert: StreamAlert; change: string | null }[] = [];
    for (const alert of alerts) {
      if (alert.kind === 'price') {
        if (levelMet(alert.condition, alert.price, last)) met.push({ alert, change: null });
        continue;
      }
      const range = rangeOf(MOVE_WINDOW_MS[alert.window]);
      const change = range && moveMet(alert, last, range);
      if (change) met.push({ alert, change });
    }
    if (met.length === 0) return new Set();
    this.reindex(
      stream,
      alerts.filter((a) => !met.some((m) => m.alert === a)),
    );
    if (met.some((m) => m.alert.kind === 'move')) this.watchMoves();
    const owners = new Set<number>();
    const price = String(last);
    for (const { alert, change } of met) {
      if (!(await this.deps.store.trigger(alert.id, ticker.receivedAt, price, change))) continue;
      const fired = { ...shown(alert), triggeredAt: ticker.receivedAt, triggeredPrice: price };
      this.deps.triggered(
        alert.userId,
        fired.kind === 'move' ? { ...fired, triggeredChange: change } : fired,
      );
      owners.add(alert.userId);
    }
    return owners;
  }

  /** Values the user's portfolio in each currency their waiting alerts name, and fires those met. */
  private async checkUser(userId: number): Promise<Set<number>> {
    const owners = new Set<number>();
    const alerts = this.portfolios.get(userId) ?? [];
    for (const currency of new Set(alerts.map((a) => a.currency))) {
      const valued = await this.deps.portfolioValue(userId, currency);
      // A total that leaves a holding out could cross a level the portfolio never did.
      if (!valued.complete) continue;
      const at = this.now();
      for (const alert of alerts) {
        if (alert.currency !== currency || !levelMet(alert.condition, alert.value, valued.value)) continue;
        this.unindexPortfolio(alert);
        if (!(await this.deps.store.trigger(alert.id, at, valued.value))) continue;
        this.deps.triggered(userId, { ...shown(alert), triggeredAt: at, triggeredPrice: valued.value });
        owners.add(userId);
      }
    }
    return owners;
  }

  private index(alert: OwnedAlert): void {
    if (alert.triggeredAt !== null) return;
    if (alert.kind === 'portfolio') {
      const list = this.portfolios.get(alert.userId);
      if (list) list.push(alert);
      else this.portfolios.set(alert.userId, [alert]);
      return;
    }
    const list = this.waiting.get(alert.stream);
    if (list) list.push(alert);
    else this.waiting.set(alert.stream, [alert]);
  }

  private unindexPortfolio(alert: PortfolioOwned): void {
    const kept = (this.portfolios.get(alert.userId) ?? []).filter((a) => a.id !== alert.id);
    if (kept.length > 0) this.portfolios.set(alert.userId, kept);
    else this.portfolios.delete(alert.userId);
  }

  private reindex(stream: StreamId, alerts: StreamAlert[]): void {
    if (alerts.length > 0) {
      this.waiting.set(stream, alerts);
      return;
    }
    this.waiting.delete(stream);
    this.deps.streamsChanged();
  }

  /** Keeps each stream's prices as far back as its longest waiting move alert looks, and no others'. */
  private readonly watchedMoves = new Map<StreamId, number>();

  private watchMoves(): void {
    const wanted = new Map<StreamId, number>();
    for (const [stream, alerts] of this.waiting)
      for (const alert of alerts)
        if (alert.kind === 'move')
          wanted.set(stream, Math.max(wanted.get(stream) ?? 0, MOVE_WINDOW_MS[alert.window]));
    for (const stream of this.watchedMoves.keys())
      if (!wanted.has(stream)) {
        this.deps.moves.unwatch(stream);
        this.watchedMoves.delete(stream);
      }
    for (const [stream, windowMs] of wanted) {
      if ((this.watchedMoves.get(stream) ?? 0) >= windowMs) continue;
      this.watchedMoves.set(stream, windowMs);
      // Seeding reads the exchange's candles; the ticks meanwhile are kept, and checked as they come.
      void this.deps.moves.watch(stream, windowMs);
    }
  }
}
