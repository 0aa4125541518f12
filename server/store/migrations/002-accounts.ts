/**
 * Version 2: users, their sessions and a watchlist per user. The global watchlist of version 1 becomes the first
 * account's (server/store/watchlist-store.ts), so an upgraded installation keeps what it watched.
 */
import { sql } from 'kysely';
import type { SchemaStep } from './step';
import { timeType } from './step';

export const accounts: SchemaStep = {
  name: '002-accounts',
  async up(db, engine) {
    const pg = engine === 'postgres';
    await db.schema
      .createTable('users')
      .addColumn('id', 'integer', (c) =>
        pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey(),
      )
      // Usernames are unique regardless of case: SQLite's NOCASE collation; in PostgreSQL a unique index on
      // lower(username) below (stores look names up through lower() on both engines).
      .addColumn('username', 'text', (c) =>
        pg
          ? c.notNull()
          : c
              .notNull()
              .unique()
              .modifyEnd(sql`collate nocase`),
      )
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('is_admin', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', timeType(engine), (c) => c.notNull())
      .execute();
    if (pg)
      await db.schema
        .createIndex('users_username_lower')
        .on('users')
        .unique()
        .expression(sql`lower(username)`)
        .execute();
    await db.schema
      .createTable('sessions')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('created_at', timeType(engine), (c) => c.notNull())
      .addColumn('expires_at', timeType(engine), (c) => c.notNull())
      .execute();
    await db.schema.createIndex('sessions_by_user').on('sessions').column('user_id').execute();
    await db.schema
      .createTable('user_watchlist')
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('stream', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('added_at', timeType(engine), (c) => c.notNull())
      .addPrimaryKeyConstraint('user_watchlist_pkey', ['user_id', 'stream'])
      .execute();
  },
};
