/**
 * Alert channels, persisted (docs/alert-channels.md). Each channel's one secret (webhook signing secret, ntfy
 * token, Telegram bot token, SMTP password) is sealed by the key ring before it reaches the database and opened
 * only to send; nothing that lists or shows a channel returns it.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { ChannelKind, ChannelSpec, ChannelTarget, NewChannel } from '../alerts/channels/channel-kinds';
import type { StoredFailure } from '../alerts/channels/send-result';
import { ENGLISH } from '../errors';
import type { LocaleChoice } from '../../lib/i18n/locales';
import type { KeyRing } from '../secrets/key-ring';
import type { Storage } from './db';
import type { AlertChannelsTable, Tables } from './schema';

/** A stored channel without its secret: what the API may show. */
export interface StoredChannel {
  id: string;
  userId: number;
  kind: ChannelKind;
  name: string;
  config: ChannelSpec['config'];
  /** Whether it has a secret (an ntfy token and an SMTP password are optional). */
  hasSecret: boolean;
  /** What its messages are worded in: the language of the request that added it. */
  locale: LocaleChoice;
  createdAt: number;
  lastOkAt: number | null;
  lastError: StoredFailure | null;
  lastErrorAt: number | null;
}

/** Where the sealed secret belongs: a value moved to another row does not open. */
const context = (id: string) => `channel:${id}:secret`;

const toChannel = (
  row: Omit<Selectable<AlertChannelsTable>, 'secret'> & { secret?: unknown },
): StoredChannel => ({
  id: row.id,
  userId: row.user_id,
  kind: row.kind,
  name: row.name,
  config: JSON.parse(row.config) as ChannelSpec['config'],
  hasSecret: row.secret !== null,
  locale: { language: row.language, formatLocale: row.format_locale },
  createdAt: row.created_at,
  lastOkAt: row.last_ok_at,
  lastError: row.last_error === null ? null : (JSON.parse(row.last_error) as StoredFailure),
  lastErrorAt: row.last_error_at,
});

/** Every call but the outbox's names whose channel it means: another user's id is a missing one. */
export class ChannelStore {
  constructor(
    private readonly storage: Storage,
    private readonly keys: KeyRing,
  ) {}

  private get db(): Kysely<Tables> {
    return this.storage.db;
  }

  async insert(userId: number, fresh: NewChannel, now = Date.now()): Promise<StoredChannel> {
    const id = randomUUID();
    const row = {
      id,
      user_id: userId,
      kind: fresh.spec.kind,
      name: fresh.name,
      config: JSON.stringify(fresh.spec.config),
      secret: fresh.secret === null ? null : this.keys.encrypt(fresh.secret, context(id)),
      language: fresh.locale?.language ?? ENGLISH.language,
      format_locale: fresh.locale?.formatLocale ?? ENGLISH.formatLocale,
      created_at: now,
      last_ok_at: null,
      last_error: null,
      last_error_at: null,
    };
    await this.db.insertInto('alert_channels').values(row).execute();
    return toChannel(row);
  }

  /** The user's channels, by creation. */
  async list(userId: number): Promise<StoredChannel[]> {
    const rows = await this.db
      .selectFrom('alert_channels')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toChannel);
  }

  async count(userId: number): Promise<number> {
    const row = await this.db
      .selectFrom('alert_channels')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  async get(userId: number, id: string): Promise<StoredChannel | null> {
    const row = await this.db
      .selectFrom('alert_channels')
      .selectAll()
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toChannel(row) : null;
  }

  /** The channel with its secret in the clear, for a sender only; throws SecretError when it cannot be opened. */
  async target(id: string): Promise<ChannelTarget | null> {
    const row = await this.db
      .selectFrom('alert_channels')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return null;
    const secret = row.secret === null ? null : this.keys.decrypt(row.secret, context(id));
    return { kind: row.kind, config: JSON.parse(row.config), secret } as ChannelTarget;
  }

  /** Renames a channel; false when the user has no such channel. */
  async rename(userId: number, id: string, name: string): Promise<boolean> {
    const result = await this.db
      .updateTable('alert_channels')
      .set({ name })
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /** Deletes a channel, its sealed secret and its queued deliveries. */
  async remove(userId: number, id: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('alert_channels')
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  /** A send went through: the channel works. */
  async recordOk(id: string, at: number): Promise<void> {
    await this.db.updateTable('alert_channels').set({ last_ok_at: at }).where('id', '=', id).execute();
  }

  /** A send failed: what the UI shows until the next one. */
  async recordFailure(id: string, failure: StoredFailure, at: number): Promise<void> {
    await this.db
      .updateTable('alert_channels')
      .set({ last_error: JSON.stringify(failure), last_error_at: at })
      .where('id', '=', id)
      .execute();
  }

  /**
   * Seals again under the current master key every secret sealed under a previous one (SECRET_KEY_PREVIOUS);
   * returns how many channels changed. A secret no key opens stays as it is (its sends fail SECRET_UNREADABLE).
   */
  async reencryptAll(): Promise<number> {
    const rows = await this.db
      .selectFrom('alert_channels')
      .select(['id', 'secret'])
      .where('secret', 'is not', null)
      .execute();
    let changed = 0;
    for (const row of rows) {
      if (row.secret === null) continue;
      let sealed: string;
      try {
        if (!this.keys.needsReencrypt(row.secret)) continue;
        sealed = this.keys.reencrypt(row.secret, context(row.id));
      } catch {
        continue;
      }
      await this.db.updateTable('alert_channels').set({ secret: sealed }).where('id', '=', row.id).execute();
      changed += 1;
    }
    return changed;
  }
}
