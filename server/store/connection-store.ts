/**
 * Exchange connections, persisted (docs/protocol.md P9). Key, secret and password are sealed by the key ring
 * before they reach the database and opened only for the exchange client; nothing here returns them to a caller
 * that lists or shows a connection.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { ConnectionError, KeyPermissions, SyncResult } from '../../lib/portfolio/connection';
import type { KeyRing } from '../secrets/key-ring';
import { maskKey } from '../secrets/mask-key';
import type { Storage } from './db';
import type { ExchangeConnectionsTable, Tables } from './schema';

/** The credentials of a connection, in the clear: only for the exchange client, never for an answer or a log. */
export interface Credentials {
  apiKey: string;
  secret: string;
  password?: string;
}

/** Where each history resumes: per market, the exchange's last trade id seen (or time); per history, a time. */
export interface SyncCursors {
  trades: Record<string, { fromId?: string; since?: number }>;
  deposits?: number;
  withdrawals?: number;
  /** Where income records (Binance's asset dividends) are read from next. */
  income?: number;
}

/** A stored connection without its secrets. */
export interface StoredConnection {
  id: string;
  userId: number;
  accountId: string;
  exchange: string;
  keyHint: string;
  permissions: KeyPermissions & { warnings: string[] };
  cursors: SyncCursors;
  lastSyncAt: number | null;
  lastSuccessAt: number | null;
  lastError: ConnectionError | null;
  lastResult: SyncResult | null;
  createdAt: number;
}

const FIELDS = ['api_key', 'secret', 'password'] as const;

/** Where a sealed field belongs: a value moved to another row or column does not open. */
const context = (id: string, field: (typeof FIELDS)[number]) => `connection:${id}:${field}`;

const json = <T>(text: string | null, fallback: T): T => (text === null ? fallback : (JSON.parse(text) as T));

const toConnection = (row: Selectable<ExchangeConnectionsTable>): StoredConnection => ({
  id: row.id,
  userId: row.user_id,
  accountId: row.account_id,
  exchange: row.exchange,
  keyHint: row.key_hint,
  permissions: json(row.permissions, { read: null, trade: null, withdraw: null, warnings: [] }),
  cursors: json(row.cursors, { trades: {} }),
  lastSyncAt: row.last_sync_at,
  lastSuccessAt: row.last_success_at,
  lastError: json(row.last_error, null),
  lastResult: json(row.last_result, null),
  createdAt: row.created_at,
});

/** What a new connection stores. */
export interface NewConnection {
  accountId: string;
  exchange: string;
  credentials: Credentials;
  permissions: KeyPermissions & { warnings: string[] };
}

/** Every call but `all` names whose connection it means: another user's id is a missing one. */
export class ConnectionStore {
  constructor(
    private readonly storage: Storage,
    private readonly keys: KeyRing,
  ) {}

  private get db(): Kysely<Tables> {
    return this.storage.db;
  }

  /** A new connection, written through `db` (the database, or the change that creates its account). */
  async insert(db: Kysely<Tables>, userId: number, fresh: NewConnection, now = Date.now()) {
    const id = randomUUID();
    const { apiKey, secret, password } = fresh.credentials;
    await db
      .insertInto('exchange_connections')
      .values({
        id,
        user_id: userId,
        account_id: fresh.accountId,
        exchange: fresh.exchange,
        api_key: this.keys.encrypt(apiKey, context(id, 'api_key')),
        secret: this.keys.encrypt(secret, context(id, 'secret')),
        password: password === undefined ? null : this.keys.encrypt(password, context(id, 'password')),
        key_hint: maskKey(apiKey),
        permissions: JSON.stringify(fresh.permissions),
        cursors: JSON.stringify({ trades: {} } satisfies SyncCursors),
        created_at: now,
        updated_at: now,
      })
      .execute();
    return id;
  }

  /** The user's connections, by creation. */
  async list(userId: number): Promise<StoredConnection[]> {
    const rows = await this.db
      .selectFrom('exchange_connections')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .execute();
    return rows.map(toConnection);
  }

  /** Every connection of every user: what the schedule walks. */
  async all(): Promise<StoredConnection[]> {
    const rows = await this.db.selectFrom('exchange_connections').selectAll().orderBy('created_at').execute();
    return rows.map(toConnection);
  }

  async get(userId: number, id: string): Promise<StoredConnection | null> {
    const row = await this.db
      .selectFrom('exchange_connections')
      .selectAll()
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toConnection(row) : null;
  }

  /** The credentials in the clear; throws SecretError when the master key cannot open them. */
  async credentials(userId: number, id: string): Promise<Credentials | null> {
    const row = await this.db
      .selectFrom('exchange_connections')
      .select(['api_key', 'secret', 'password'])
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return null;
    return {
      apiKey: this.keys.decrypt(row.api_key, context(id, 'api_key')),
      secret: this.keys.decrypt(row.secret, context(id, 'secret')),
      ...(row.password === null
        ? {}
        : { password: this.keys.decrypt(row.password, context(id, 'password')) }),
    };
  }

  /** Records a sync's end: its error, or its result and where the next one resumes. */
  async finished(
    id: string,
    outcome: { error: ConnectionError } | { result: SyncResult; cursors: SyncCursors },
    now = Date.now(),
  ): Promise<void> {
    const done =
      'error' in outcome
        ? { last_error: JSON.stringify(outcome.error) }
        : {
            last_error: null,
            last_success_at: now,
            last_result: JSON.stringify(outcome.result),
            cursors: JSON.stringify(outcome.cursors),
          };
    await this.db
      .updateTable('exchange_connections')
      .set({ ...done, last_sync_at: now, updated_at: now })
      .where('id', '=', id)
      .execute();
  }

  /** Deletes a connection and its sealed key; the account and its transactions stay. */
  async remove(userId: number, id: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('exchange_connections')
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  /**
   * Seals again under the current master key every value sealed under a previous one (SECRET_KEY_PREVIOUS),
   * so the old key can be retired; returns how many connections changed. A value no key opens is left as it is
   * (its connection reports SECRET_UNREADABLE when used).
   */
  async reencryptAll(): Promise<number> {
    const rows = await this.db
      .selectFrom('exchange_connections')
      .select(['id', 'api_key', 'secret', 'password'])
      .execute();
    let changed = 0;
    for (const row of rows) {
      const update: Partial<Record<(typeof FIELDS)[number], string>> = {};
      for (const field of FIELDS) {
        const stored = row[field];
        if (stored === null) continue;
        try {
          if (this.keys.needsReencrypt(stored))
            update[field] = this.keys.reencrypt(stored, context(row.id, field));
        } catch {
          // Unreadable under every key: nothing can be done here; the connection says so when it syncs.
        }
      }
      if (Object.keys(update).length === 0) continue;
      await this.db.updateTable('exchange_connections').set(update).where('id', '=', row.id).execute();
      changed += 1;
    }
    return changed;
  }
}
