/**
 * Exchange connections and their syncs (docs/protocol.md P9): add one (its key tested first), list, sync on
 * demand and on a schedule, remove. A connection syncs one at a time; progress lives here, in memory, and the
 * outcome in the store. The schedule runs only where `active()` says (the feed leader: once per cluster).
 */
import type { Logger } from 'pino';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { LocaleChoice } from '../../lib/i18n/locales';
import { accountNameKey } from '../../lib/portfolio/account';
import type { ConnectionSummary, SyncProgress } from '../../lib/portfolio/connection';
import { AppError, ENGLISH, text } from '../errors';
import { createAccounts } from '../portfolio/account-service';
import type { ConnectionStore, Credentials, StoredConnection } from '../store/connection-store';
import type { PortfolioAccountStore } from '../store/portfolio-account-store';
import type { TransactionStore } from '../store/transaction-store';
import { checkSyncable } from './exchange-client';
import type { OpenExchange } from './exchange-client';
import { checkKey } from './key-check';
import { runSync } from './run-sync';
import { errorIn, permissionsIn, storedError, storedPermissions } from './stored-words';
import { describeFailure } from './sync-error';
import type { SyncError } from './sync-error';

/** Most connections one user keeps. */
export const MAX_CONNECTIONS = 10;

/** Manual syncs a user may start per SYNC_NOW_WINDOW_S: each one spends the exchange's rate limits. */
export const SYNC_NOW_POINTS = 5;
export const SYNC_NOW_WINDOW_S = 300;

/** Currencies a sync may value an account in, after the user's own. */
export const HOME_CURRENCIES = ['USDT', 'USD', 'USDC', 'EUR'];

export interface SyncServiceDeps {
  connections: ConnectionStore;
  transactions: TransactionStore;
  accounts: Pick<PortfolioAccountStore, 'list'>;
  open: OpenExchange;
  /** Key tests per user: each one is a call to the exchange in the user's name, and guessing keys must not pay. */
  keyTests: RateLimiterAbstract;
  /** "Sync now" per user (SYNC_NOW_POINTS per SYNC_NOW_WINDOW_S). */
  syncRequests: RateLimiterAbstract;
  /** The user's portfolio currency, the first a sync values in. */
  currency(userId: number): Promise<string>;
  /** Called after a sync or a change wrote transactions. */
  changed(userId: number): void;
  log: Logger;
  /** The schedule's period; 0 turns it off. */
  intervalMs: number;
  /** Whether this instance runs the schedule (the feed leader). */
  active(): boolean;
  now?: () => number;
}

/** What a user gives to connect an exchange. */
export interface NewConnectionInput {
  exchange: string;
  name: string;
  credentials: Credentials;
}

interface Running {
  progress: SyncProgress | null;
  done: Promise<void>;
}

const exchangeTitle = (id: string) => id.charAt(0).toUpperCase() + id.slice(1);

export class SyncService {
  private readonly running = new Map<string, Running>();
  /** Syncs ended, by `exchange outcome`: what the metrics read. */
  private readonly outcomes = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private readonly now: () => number;

  constructor(private readonly deps: SyncServiceDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** The user's connections; their last errors and warnings in `locale`'s language. */
  async list(userId: number, locale: LocaleChoice = ENGLISH): Promise<ConnectionSummary[]> {
    const [connections, accounts] = await Promise.all([
      this.deps.connections.list(userId),
      this.deps.accounts.list(userId),
    ]);
    const names = new Map(accounts.map((a) => [a.id, a.name]));
    return connections.map((c) => this.summary(c, names.get(c.accountId) ?? '', locale));
  }

  async get(userId: number, id: string, locale: LocaleChoice = ENGLISH): Promise<ConnectionSummary> {
    const found = (await this.list(userId, locale)).find((c) => c.id === id);
    if (!found) throw missing(id);
    return found;
  }

  /**
   * Tests the key, then creates the exchange account and its connection together and starts the first sync.
   * A key the exchange refuses stores nothing and says why.
   */
  async add(
    userId: number,
    input: NewConnectionInput,
    locale: LocaleChoice = ENGLISH,
  ): Promise<ConnectionSummary> {
    const { exchange, name, credentials } = input;
    if ((await this.deps.connections.list(userId)).length >= MAX_CONNECTIONS)
      throw new AppError('CONFLICT', text('sync', 'tooManyConnections', { max: String(MAX_CONNECTIONS) }));
    if ((await this.deps.accounts.list(userId)).some((a) => accountNameKey(a.name) === accountNameKey(name)))
      throw new AppError('CONFLICT', text('errors', 'accountNameTaken', { name }));
    await checkSyncable(exchange, this.deps.open);
    await limit(this.deps.keyTests, userId, 'tooManyKeyTests');
    const ex = await this.deps.open(exchange, credentials);
    let permissions;
    try {
      permissions = storedPermissions(await checkKey(ex, exchangeTitle(exchange)));
    } catch (error) {
      throw keyRefusal(describeFailure(error, exchangeTitle(exchange)));
    } finally {
      await ex.close().catch(() => undefined);
    }
    const id = await this.deps.transactions.change(userId, async (_mine, accounts, trx) => {
      const [account] = await createAccounts(accounts, [name], 'exchange');
      return this.deps.connections.insert(trx, userId, {
        accountId: (account as { id: string }).id,
        exchange,
        credentials,
        permissions,
      });
    });
    this.deps.changed(userId);
    this.start(userId, id);
    return this.get(userId, id, locale);
  }

  /** Starts a sync now unless one runs (then the answer shows it); refused past the user's rate limit. */
  async syncNow(userId: number, id: string, locale: LocaleChoice = ENGLISH): Promise<ConnectionSummary> {
    const connection = await this.deps.connections.get(userId, id);
    if (!connection) throw missing(id);
    if (!this.running.has(id)) {
      await limit(this.deps.syncRequests, userId, 'tooManySyncs');
      this.start(userId, id);
    }
    return this.get(userId, id, locale);
  }

  /** Removes the connection and its sealed key; its account stays, with its transactions, kept by hand from now. */
  async remove(userId: number, id: string): Promise<{ deleted: string }> {
    const connection = await this.deps.connections.get(userId, id);
    if (!connection) throw missing(id);
    await this.running.get(id)?.done;
    await this.deps.transactions.change(userId, async (_mine, accounts) => {
      await accounts.setKind(connection.accountId, 'manual');
    });
    await this.deps.connections.remove(userId, id);
    return { deleted: id };
  }

  /** Seals again under the current master key what an older one sealed; run at start. */
  async reencrypt(): Promise<void> {
    const changed = await this.deps.connections.reencryptAll();
    if (changed > 0)
      this.deps.log.info({ connections: changed }, 'exchange keys sealed again under SECRET_KEY');
  }

  /** Checks every minute for connections due; each due one syncs in turn. */
  startSchedule(): void {
    if (this.deps.intervalMs <= 0 || this.timer) return;
    const tick = () =>
      void this.syncDue().catch((err: unknown) => this.deps.log.error({ err }, 'sync schedule failed'));
    this.timer = setInterval(tick, Math.min(60_000, this.deps.intervalMs));
    this.timer.unref();
    tick();
  }

  /** Syncs, one after another, each connection whose last sync is older than the interval. */
  async syncDue(): Promise<void> {
    if (!this.deps.active()) return;
    for (const c of await this.deps.connections.all()) {
      if (this.closed) return;
      if (this.running.has(c.id) || this.now() < (c.lastSyncAt ?? 0) + this.deps.intervalMs) continue;
      this.start(c.userId, c.id);
      await this.running.get(c.id)?.done;
    }
  }

  /** Syncs ended so far, by exchange and outcome (`ok` or the error code). */
  outcomeCounts(): Array<[{ exchange: string; outcome: string }, number]> {
    return [...this.outcomes].map(([key, n]) => {
      const [exchange = '', outcome = ''] = key.split(' ');
      return [{ exchange, outcome }, n];
    });
  }

  private count(exchange: string, outcome: string): void {
    const key = `${exchange} ${outcome}`;
    this.outcomes.set(key, (this.outcomes.get(key) ?? 0) + 1);
  }

  /** Resolves when the connection's running sync (if any) has finished: for tests and shutdown. */
  async settled(id?: string): Promise<void> {
    const all = id === undefined ? [...this.running.values()] : [this.running.get(id)];
    await Promise.all(all.map((r) => r?.done));
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.settled();
  }

  private start(userId: number, id: string): void {
    if (this.running.has(id) || this.closed) return;
    const running: Running = { progress: null, done: Promise.resolve() };
    this.running.set(id, running);
    running.done = this.sync(userId, id, running).finally(() => this.running.delete(id));
  }

  private async sync(userId: number, id: string, running: Running): Promise<void> {
    const connection = await this.deps.connections.get(userId, id);
    if (!connection) return;
    const name = exchangeTitle(connection.exchange);
    const started = this.now();
    try {
      const credentials = await this.deps.connections.credentials(userId, id);
      if (!credentials) return;
      const ex = await this.deps.open(connection.exchange, credentials);
      try {
        const outcome = await runSync({
          connection,
          exchange: ex,
          exchangeName: name,
          preferredHome: [await this.deps.currency(userId), ...HOME_CURRENCIES],
          transactions: this.deps.transactions,
          progress: (progress) => (running.progress = progress),
          now: started,
        });
        await this.deps.connections.finished(id, outcome, started);
        this.deps.log.info(
          { connection: id, exchange: connection.exchange, ...outcome.result },
          'exchange synced',
        );
        this.count(connection.exchange, 'ok');
        if (outcome.result.added > 0 || outcome.result.adjustments > 0) this.deps.changed(userId);
      } finally {
        await ex.close().catch(() => undefined);
      }
    } catch (error) {
      const failure = describeFailure(error, name);
      // Kept by key as well as in English, so that each reader sees it in their language.
      const recorded = storedError(failure, this.now());
      this.count(connection.exchange, failure.code);
      // The code only: ccxt's message may carry a signed URL, and a log is no place for any part of a key.
      this.deps.log.warn(
        { connection: id, exchange: connection.exchange, code: failure.code },
        'exchange sync failed',
      );
      await this.deps.connections
        .finished(id, { error: recorded }, started)
        .catch((err: unknown) => this.deps.log.error({ err }, 'could not record a sync failure'));
    }
  }

  private summary(c: StoredConnection, accountName: string, locale: LocaleChoice): ConnectionSummary {
    const running = this.running.get(c.id);
    const state = running ? 'syncing' : c.lastSyncAt === null ? 'never' : c.lastError ? 'error' : 'ok';
    const { permissions, warnings } = permissionsIn(c.permissions, locale);
    return {
      id: c.id,
      account: { id: c.accountId, name: accountName },
      exchange: c.exchange,
      keyHint: c.keyHint,
      permissions,
      warnings,
      state,
      progress: running?.progress ?? null,
      lastSyncAt: c.lastSyncAt,
      lastSuccessAt: c.lastSuccessAt,
      nextSyncAt: this.deps.intervalMs > 0 ? (c.lastSyncAt ?? c.createdAt) + this.deps.intervalMs : null,
      lastError: errorIn(c.lastError, locale),
      lastResult: c.lastResult,
      createdAt: c.createdAt,
    };
  }
}

/** Takes a point of `limiter` for the user, or refuses with when to come back. */
async function limit(
  limiter: RateLimiterAbstract,
  userId: number,
  what: 'tooManyKeyTests' | 'tooManySyncs',
): Promise<void> {
  try {
    await limiter.consume(String(userId));
  } catch (refusal) {
    const wait = (refusal as { msBeforeNext?: number }).msBeforeNext ?? 60_000;
    // Seconds as digits alone, as the English always wrote them.
    const seconds = String(Math.ceil(wait / 1000));
    throw new AppError('RATE_LIMITED', text('sync', what, { seconds }), wait);
  }
}

const missing = (id: string) =>
  new AppError('NOT_FOUND', text('sync', 'noConnection', { id: id.slice(0, 100) }));

/** A key check's failure as the answer to the request that added the key. */
function keyRefusal(failure: SyncError): AppError {
  if (failure.code === 'EXCHANGE_UNAVAILABLE') return new AppError('EXCHANGE_UNAVAILABLE', failure.text);
  if (failure.code === 'RATE_LIMITED') return new AppError('RATE_LIMITED', failure.text);
  return new AppError('BAD_REQUEST', failure.text);
}
