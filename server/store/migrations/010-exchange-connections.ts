/**
 * Version 10: exchange connections (docs/protocol.md P9). A connection syncs one portfolio account from an
 * exchange with a read-only API key kept sealed (server/secrets/); the transactions a sync writes carry the
 * exchange's own id, so a second sync adds nothing, and an opening-balance adjustment is flagged as of unknown cost.
 */
import type { SchemaStep } from './step';
import { timeType } from './step';

export const exchangeConnections: SchemaStep = {
  name: '010-exchange-connections',
  async up(db, engine) {
    const time = timeType(engine);
    await db.schema
      .createTable('exchange_connections')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      // One connection per account; deleting the account deletes the connection and its sealed key with it.
      .addColumn('account_id', 'text', (c) => c.notNull().unique())
      .addColumn('exchange', 'text', (c) => c.notNull())
      // Sealed by the key ring (AES-256-GCM), each bound to `connection:<id>:<field>`; never plaintext.
      .addColumn('api_key', 'text', (c) => c.notNull())
      .addColumn('secret', 'text', (c) => c.notNull())
      .addColumn('password', 'text')
      // The last four characters of the key, what the API shows to tell keys apart.
      .addColumn('key_hint', 'text', (c) => c.notNull())
      // JSON: what the exchange reported of the key's rights, and the warnings drawn from them.
      .addColumn('permissions', 'text', (c) => c.notNull())
      // JSON: where the next sync resumes, per market and per history.
      .addColumn('cursors', 'text', (c) => c.notNull())
      .addColumn('last_sync_at', time)
      .addColumn('last_success_at', time)
      .addColumn('last_error', 'text')
      .addColumn('last_result', 'text')
      .addColumn('created_at', time, (c) => c.notNull())
      .addColumn('updated_at', time, (c) => c.notNull())
      .addForeignKeyConstraint(
        'exchange_connections_account_fk',
        ['account_id', 'user_id'],
        'portfolio_accounts',
        ['id', 'user_id'],
        (c) => c.onDelete('cascade'),
      )
      .execute();
    await db.schema.alterTable('transactions').addColumn('external_id', 'text').execute();
    await db.schema
      .alterTable('transactions')
      .addColumn('cost_unknown', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    // Both engines let any number of rows share a NULL here: only synced rows carry an id.
    await db.schema
      .createIndex('transactions_external_id')
      .on('transactions')
      .columns(['account_id', 'external_id'])
      .unique()
      .execute();
  },
};
