/**
 * Version 9: portfolio accounts (docs/protocol.md P8). Every user gets one named "Main" holding all their
 * transactions, and every transaction names its account (a transfer also its destination).
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { transactionsTable } from './003-transactions';
import type { SchemaDb, SchemaStep } from './step';
import { timeType } from './step';

const INSERT_ROWS = 500;

export const portfolioAccounts: SchemaStep = {
  name: '009-portfolio-accounts',
  async up(db, engine) {
    await db.schema
      .createTable('portfolio_accounts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      // The name as compared (lib/portfolio/account.ts accountNameKey), computed once for both engines: SQLite's
      // lower() folds only ASCII, PostgreSQL's all of Unicode.
      .addColumn('name_key', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      // The order of creation per user: "oldest first" even for accounts made in the same millisecond.
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('created_at', timeType(engine), (c) => c.notNull())
      .addColumn('updated_at', timeType(engine), (c) => c.notNull())
      // What a transaction's (account, user) refers to, so the database itself keeps accounts to their owner.
      .addUniqueConstraint('portfolio_accounts_id_user', ['id', 'user_id'])
      .addUniqueConstraint('portfolio_accounts_name', ['user_id', 'name_key'])
      .addUniqueConstraint('portfolio_accounts_order', ['user_id', 'seq'])
      .execute();
    await mainAccounts(db);
    if (engine === 'sqlite') await rebuildTransactions(db);
    else await alterTransactions(db);
    await db.schema
      .createIndex('transactions_by_account')
      .on('transactions')
      .columns(['account_id', 'time_ms', 'seq'])
      .execute();
    await db.schema
      .createIndex('transactions_by_to_account')
      .on('transactions')
      .column('to_account_id')
      .execute();
  },
};

/** A "Main" account for every user, created when the user was. */
async function mainAccounts(db: SchemaDb): Promise<void> {
  const users = await db.selectFrom('users').select(['id', 'created_at']).orderBy('id').execute();
  const rows = users.map((u: { id: number; created_at: number }) => ({
    id: randomUUID(),
    user_id: u.id,
    name: 'Main',
    name_key: 'main',
    kind: 'manual',
    seq: 1,
    created_at: u.created_at,
    updated_at: u.created_at,
  }));
  for (let i = 0; i < rows.length; i += INSERT_ROWS)
    await db
      .insertInto('portfolio_accounts')
      .values(rows.slice(i, i + INSERT_ROWS))
      .execute();
}

const MAIN_OF_OWNER = sql`(select a.id from portfolio_accounts a where a.user_id = transactions.user_id)`;

/**
 * The account columns' references: (account, user) to an account of the transaction's own user, so the database
 * itself keeps accounts to their owner; a transaction goes with either of its accounts.
 */
const ACCOUNT_KEYS = [
  ['transactions_account_fk', 'account_id'],
  ['transactions_to_account_fk', 'to_account_id'],
] as const;

/** PostgreSQL adds the columns in place, fills them, then makes the account required. */
async function alterTransactions(db: SchemaDb): Promise<void> {
  await db.schema.alterTable('transactions').addColumn('account_id', 'text').execute();
  await db.schema.alterTable('transactions').addColumn('to_account_id', 'text').execute();
  await db.updateTable('transactions').set({ account_id: MAIN_OF_OWNER }).execute();
  await db.schema
    .alterTable('transactions')
    .alterColumn('account_id', (c) => c.setNotNull())
    .execute();
  for (const [name, column] of ACCOUNT_KEYS)
    await db.schema
      .alterTable('transactions')
      .addForeignKeyConstraint(name, [column, 'user_id'], 'portfolio_accounts', ['id', 'user_id'], (c) =>
        c.onDelete('cascade'),
      )
      .execute();
}

/**
 * SQLite cannot make a column NOT NULL nor add a foreign key to a table: the table is built anew with them, the
 * rows copied, and the old table replaced (nothing refers to transactions, so nothing else changes).
 */
async function rebuildTransactions(db: SchemaDb): Promise<void> {
  let next = transactionsTable(db, 'sqlite', 'transactions_next')
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('to_account_id', 'text');
  for (const [name, column] of ACCOUNT_KEYS)
    next = next.addForeignKeyConstraint(
      name,
      [column, 'user_id'],
      'portfolio_accounts',
      ['id', 'user_id'],
      (c) => c.onDelete('cascade'),
    );
  await next.execute();
  // Every column of version 3, by name: the rebuilt table keeps them all.
  const { rows } = await sql<{ name: string }>`select name from pragma_table_info('transactions')`.execute(
    db,
  );
  const kept = rows.map((r) => sql.ref(r.name));
  await sql`insert into transactions_next (${sql.join(kept)}, account_id)
    select ${sql.join(kept)}, ${MAIN_OF_OWNER} from transactions`.execute(db);
  await db.schema.dropTable('transactions').execute();
  await db.schema.alterTable('transactions_next').renameTo('transactions').execute();
  await db.schema
    .createIndex('transactions_by_user')
    .on('transactions')
    .columns(['user_id', 'time_ms', 'seq'])
    .execute();
}
