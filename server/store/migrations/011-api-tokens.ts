/**
 * Version 11: personal access tokens (docs/protocol.md A9). The database keeps only a token's SHA-256, so a
 * leaked file lets no one in; revoking deletes the row, and the next request with it is refused on any instance.
 */
import type { SchemaStep } from './step';
import { timeType } from './step';

export const apiTokens: SchemaStep = {
  name: '011-api-tokens',
  async up(db, engine) {
    const time = timeType(engine);
    await db.schema
      .createTable('api_tokens')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      // 'read' or 'read-write'.
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      // The token's last four characters, what the list shows to tell tokens apart.
      .addColumn('hint', 'text', (c) => c.notNull())
      .addColumn('created_at', time, (c) => c.notNull())
      .addColumn('expires_at', time)
      .addColumn('last_used_at', time)
      .execute();
    await db.schema
      .createIndex('api_tokens_by_user')
      .on('api_tokens')
      .columns(['user_id', 'created_at'])
      .execute();
  },
};
