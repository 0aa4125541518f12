/**
 * Version 12: alert channels and their outbox (docs/alert-channels.md). A channel is where a user's alerts go
 * besides the open tabs (webhook, ntfy, Telegram, email); a delivery is one message to one channel, kept until it
 * is sent or has failed for good, so it survives a restart and is sent by one instance of a cluster.
 */
import type { SchemaStep } from './step';
import { timeType } from './step';

export const alertChannels: SchemaStep = {
  name: '012-alert-channels',
  async up(db, engine) {
    const time = timeType(engine);
    await db.schema
      .createTable('alert_channels')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      // 'webhook', 'ntfy', 'telegram' or 'email'.
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      // JSON: the settings that are shown (URL, chat id, SMTP host, port, sender, recipient); no secret.
      .addColumn('config', 'text', (c) => c.notNull())
      // Sealed by the key ring, bound to `channel:<id>:secret`: the webhook signing secret, the ntfy token, the
      // Telegram bot token or the SMTP password; never plaintext.
      .addColumn('secret', 'text')
      // The language its messages are worded in ('en', 'de') and the locale of their numbers: the request's
      // that added it, since an alert fires with no request to take them from.
      .addColumn('language', 'text', (c) => c.notNull())
      .addColumn('format_locale', 'text', (c) => c.notNull())
      .addColumn('created_at', time, (c) => c.notNull())
      .addColumn('last_ok_at', time)
      // JSON: the last failure's code and words.
      .addColumn('last_error', 'text')
      .addColumn('last_error_at', time)
      .execute();
    await db.schema
      .createIndex('alert_channels_by_user')
      .on('alert_channels')
      .columns(['user_id', 'created_at'])
      .execute();

    await db.schema
      .createTable('alert_deliveries')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('channel_id', 'text', (c) => c.notNull().references('alert_channels.id').onDelete('cascade'))
      // The alert and the time it fired; both NULL for a test message. Not a foreign key: deleting an alert
      // that has just fired must not take its message back.
      .addColumn('alert_id', 'text')
      .addColumn('fired_at', time)
      // JSON: the message, worded when it was queued.
      .addColumn('payload', 'text', (c) => c.notNull())
      // 'pending', 'sent' or 'failed'.
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('next_attempt_at', time, (c) => c.notNull())
      // The lease of the instance sending it: another takes it only once this has passed.
      .addColumn('claimed_until', time, (c) => c.notNull())
      .addColumn('claimed_by', 'text')
      .addColumn('last_error', 'text')
      .addColumn('created_at', time, (c) => c.notNull())
      .addColumn('sent_at', time)
      .execute();
    // One firing, one delivery per channel, however many instances queue it. Rows with NULLs (test messages)
    // never collide, on either engine.
    await db.schema
      .createIndex('alert_deliveries_once')
      .on('alert_deliveries')
      .columns(['alert_id', 'channel_id', 'fired_at'])
      .unique()
      .execute();
    await db.schema
      .createIndex('alert_deliveries_due')
      .on('alert_deliveries')
      .columns(['status', 'next_attempt_at'])
      .execute();
    await db.schema
      .createIndex('alert_deliveries_by_channel')
      .on('alert_deliveries')
      .columns(['channel_id', 'created_at'])
      .execute();
  },
};
