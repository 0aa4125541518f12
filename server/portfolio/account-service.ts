/** A user's portfolio accounts (docs/protocol.md P8): listed, created, renamed and deleted with their transactions. */
import { MAX_ACCOUNTS, accountNameKey } from '../../lib/portfolio/account';
import type { AccountKind, AccountSummary, PortfolioAccount } from '../../lib/portfolio/account';
import { AppError, text } from '../errors';
import type { PortfolioAccountStore, UserPortfolioAccounts } from '../store/portfolio-account-store';
import type { TransactionStore } from '../store/transaction-store';
import { checkBookable, noAccount } from './account-fields';

export interface AccountServiceDeps {
  transactions: TransactionStore;
  accounts: Pick<PortfolioAccountStore, 'list'>;
  /** Called after any change: the same signal as a change of transactions (holdings may move or vanish). */
  changed(userId: number): void;
}

// PostgreSQL's unique_violation and SQLite's SQLITE_CONSTRAINT_UNIQUE: a name taken by a change the checks
// before could not see.
const isUniqueViolation = (error: unknown) => {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
};

const taken = (name: string) => new AppError('CONFLICT', text('errors', 'accountNameTaken', { name }));

/** The account rules; every change runs in the database transaction that holds the user's history. */
export class AccountService {
  constructor(private readonly deps: AccountServiceDeps) {}

  /** Oldest first, each with its number of transactions. */
  list(userId: number): Promise<AccountSummary[]> {
    return this.deps.accounts.list(userId);
  }

  /** A new manual account; a name in use (any case) or one account past MAX_ACCOUNTS is a CONFLICT. */
  async create(userId: number, name: string): Promise<AccountSummary> {
    const created = await this.write(name, () =>
      this.deps.transactions.change(userId, async (_mine, accounts) => {
        const [account] = await createAccounts(accounts, [name]);
        return { ...(account as PortfolioAccount), transactions: 0 };
      }),
    );
    this.deps.changed(userId);
    return created;
  }

  /** Renames an account (changing only the case of its name is a rename too). */
  async rename(userId: number, id: string, name: string): Promise<AccountSummary> {
    const renamed = await this.write(name, () =>
      this.deps.transactions.change(userId, async (_mine, accounts) => {
        const known = await accounts.list();
        const account = known.find((a) => a.id === id);
        if (!account) throw noAccount(id);
        if (known.some((a) => a.id !== id && accountNameKey(a.name) === accountNameKey(name)))
          throw taken(name);
        await accounts.rename(id, name);
        return { ...account, name };
      }),
    );
    this.deps.changed(userId);
    return renamed;
  }

  /**
   * Deletes an account and every transaction that names it (transfers into or out of it too), all in one
   * database transaction; refused, changing nothing, when what remains would not add up (P2) or when it is the
   * user's last account.
   */
  async remove(userId: number, id: string): Promise<{ deleted: string; transactions: number }> {
    const removed = await this.deps.transactions.change(userId, async (mine, accounts) => {
      const known = await accounts.list();
      if (!known.some((a) => a.id === id)) throw noAccount(id);
      if (known.length === 1) throw new AppError('CONFLICT', text('errors', 'lastAccount'));
      const rest = known.filter((a) => a.id !== id);
      checkBookable(
        (await mine.list()).filter((t) => t.account !== id && t.toAccount !== id),
        rest,
      );
      return accounts.remove(id);
    });
    this.deps.changed(userId);
    return { deleted: id, transactions: removed };
  }

  /** Runs a write that stores `name`; a unique-index refusal (a race the checks missed) is the same CONFLICT. */
  private async write<T>(name: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isUniqueViolation(error)) throw taken(name);
      throw error;
    }
  }
}

/**
 * Creates accounts of `kind` (manual by default) for `names` (given as checked by accountNameSchema), in that order, inside a change;
 * a name in use, two names alike, or more than MAX_ACCOUNTS in all is a CONFLICT and nothing is created.
 */
export async function createAccounts(
  accounts: UserPortfolioAccounts,
  names: readonly string[],
  kind: AccountKind = 'manual',
): Promise<PortfolioAccount[]> {
  const known = await accounts.list();
  const keys = new Set(known.map((a) => accountNameKey(a.name)));
  for (const name of names) {
    if (keys.has(accountNameKey(name))) throw taken(name);
    keys.add(accountNameKey(name));
  }
  if (known.length + names.length > MAX_ACCOUNTS) {
    const values = { count: String(known.length), max: String(MAX_ACCOUNTS), adding: String(names.length) };
    throw new AppError(
      'CONFLICT',
      text('errors', names.length === 1 ? 'tooManyAccountsOne' : 'tooManyAccountsMore', values),
    );
  }
  const created: PortfolioAccount[] = [];
  for (const name of names) created.push(await accounts.insert({ name, kind }));
  return created;
}

/**
 * The accounts `names` refer to, by accountNameKey, inside a change: existing ones matched regardless of case,
 * manual ones created for the rest (first spelling wins), under the rules of createAccounts.
 */
export async function accountsNamed(
  accounts: UserPortfolioAccounts,
  names: Iterable<string>,
): Promise<Map<string, PortfolioAccount>> {
  const found = new Map((await accounts.list()).map((a) => [accountNameKey(a.name), a as PortfolioAccount]));
  const missing = new Map<string, string>();
  for (const name of names) {
    const key = accountNameKey(name);
    if (!found.has(key) && !missing.has(key)) missing.set(key, name);
  }
  for (const account of await createAccounts(accounts, [...missing.values()]))
    found.set(accountNameKey(account.name), account);
  return found;
}
