/** Price alerts on the server: checked against every live tick, fired once, told to the owner's open tabs. */
import { alertMet, MAX_ALERTS_PER_USER } from '../../lib/alerts';
import type { NewAlert } from '../../lib/alerts';
import type { PriceAlert, StreamId, Ticker } from '../../lib/protocol';
import { AppError, text } from '../errors';
import type { MarketCatalog } from '../feeds/catalog';
import type { AlertStore, OwnedAlert } from '../store/alert-store';

export interface AlertDeps {
  store: AlertStore;
  catalog: Pick<MarketCatalog, 'check'>;
  /** The latest ticker of a stream, to check a new alert at once. */
  ticker(stream: StreamId): Ticker | undefined;
  /** An alert fired: tell its owner. */
  triggered(userId: number, alert: PriceAlert): void;
  /** A user's alerts changed (set, deleted, fired): their tabs refresh the list. */
  changed(userId: number, alerts: PriceAlert[]): void;
  /** The set of streams with waiting alerts changed: the feeds must watch them. */
  streamsChanged(): void;
  /** A tick's alerts could not be marked or told (the database failed): logged, the tick goes on. */
  failed?(err: unknown): void;
}

const shown = ({ userId: _owner, ...alert }: OwnedAlert): PriceAlert => alert;

/**
 * Keeps the waiting alerts indexed by stream, so a tick of a market nobody set an alert on costs one lookup.
 * `load` fills the index from the database before the first tick.
 */
export class AlertService {
  private readonly waiting = new Map<StreamId, OwnedAlert[]>();

  constructor(private readonly deps: AlertDeps) {}

  /** Indexes the stored alerts still waiting (at start). */
  async load(): Promise<void> {
    for (const alert of await this.deps.store.waiting()) this.index(alert);
  }

  async list(userId: number): Promise<PriceAlert[]> {
    return (await this.deps.store.list(userId)).map(shown);
  }

  /** Sets an alert on a market that exists; one whose condition holds already fires on the current price. */
  async create(userId: number, input: NewAlert): Promise<PriceAlert> {
    this.deps.catalog.check(input.stream);
    if ((await this.deps.store.count(userId)) >= MAX_ALERTS_PER_USER) {
      throw new AppError('CONFLICT', text('errors', 'tooManyAlerts', { max: String(MAX_ALERTS_PER_USER) }));
    }
    const alert = await this.deps.store.insert(userId, input);
    const fresh = !this.waiting.has(alert.stream);
    this.index(alert);
    if (fresh) this.deps.streamsChanged();
    const ticker = this.deps.ticker(alert.stream);
    if (ticker) await this.fire(alert.stream, ticker);
    const list = await this.list(userId);
    this.deps.changed(userId, list);
    return list.find((a) => a.id === alert.id) ?? shown(alert);
  }

  /** Deletes one of the user's alerts; another user's id is NOT_FOUND, like one that never existed. */
  async remove(userId: number, id: string): Promise<void> {
    if (!(await this.deps.store.remove(userId, id)))
      throw new AppError('NOT_FOUND', text('errors', 'noAlert', { id }));
    for (const [stream, alerts] of this.waiting) {
      const kept = alerts.filter((a) => a.id !== id);
      if (kept.length === alerts.length) continue;
      this.reindex(stream, kept);
      break;
    }
    this.deps.changed(userId, await this.list(userId));
  }

  /** Takes a user's waiting alerts from the store again: another instance of the cluster changed them. */
  async reload(userId: number): Promise<void> {
    const stored = await this.deps.store.list(userId);
    // Swapped in one synchronous step, so a tick in between sees either the old alerts or the new.
    const before = new Set(this.waiting.keys());
    for (const [stream, alerts] of [...this.waiting]) {
      const kept = alerts.filter((a) => a.userId !== userId);
      if (kept.length > 0) this.waiting.set(stream, kept);
      else this.waiting.delete(stream);
    }
    for (const alert of stored) this.index(alert);
    const after = new Set(this.waiting.keys());
    if (after.size !== before.size || [...after].some((s) => !before.has(s))) this.deps.streamsChanged();
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
      for (const owner of await this.fire(stream, ticker)) this.deps.changed(owner, await this.list(owner));
    } catch (err) {
      this.deps.failed?.(err);
    }
  }

  /**
   * Fires the stream's alerts that the ticker meets; returns their owners. They leave the index at once, before
   * the database is written, so the next tick cannot fire them again.
   */
  private async fire(stream: StreamId, ticker: Ticker): Promise<Set<number>> {
    const owners = new Set<number>();
    const alerts = this.waiting.get(stream);
    if (!alerts || ticker.stale || ticker.last === null) return owners;
    const last = ticker.last;
    const met = alerts.filter((a) => alertMet(a, last));
    if (met.length === 0) return owners;
    this.reindex(
      stream,
      alerts.filter((a) => !met.includes(a)),
    );
    for (const alert of met) {
      const price = String(last);
      if (!(await this.deps.store.trigger(alert.id, ticker.receivedAt, price))) continue;
      this.deps.triggered(alert.userId, {
        ...shown(alert),
        triggeredAt: ticker.receivedAt,
        triggeredPrice: price,
      });
      owners.add(alert.userId);
    }
    return owners;
  }

  private index(alert: OwnedAlert): void {
    if (alert.triggeredAt !== null) return;
    const list = this.waiting.get(alert.stream);
    if (list) list.push(alert);
    else this.waiting.set(alert.stream, [alert]);
  }

  private reindex(stream: StreamId, alerts: OwnedAlert[]): void {
    if (alerts.length > 0) {
      this.waiting.set(stream, alerts);
      return;
    }
    this.waiting.delete(stream);
    this.deps.streamsChanged();
  }
}
