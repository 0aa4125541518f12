/**
 * Imports an exchange's own file into one account (docs/protocol.md P4, docs/imports.md), booked exactly as a
 * sync books the same history (P9): both sides of each trade in one home currency, fees in a third currency as
 * disposals, income at its minute's price, each transaction under the exchange's id or the row's hash. Records
 * already booked in the account are skipped, so a second import adds nothing; where the file takes out more than
 * the account held (a trade history without its deposits), an opening balance of unknown cost makes up for it.
 * All or nothing: every record is valued and checked before one database transaction writes them.
 */
import { MAX_EXTERNAL_ID_LENGTH, parseNewTransaction } from '../../lib/portfolio/transaction';
import type { SyncedTransaction, Transaction } from '../../lib/portfolio/transaction';
import type { LocaleChoice } from '../../lib/i18n/locales';
import { AppError, ENGLISH, text } from '../errors';
import type { ErrorText } from '../errors';
import type { MarketInfo } from '../feeds/types';
import type { PastPrices } from '../portfolio/past-prices';
import { checkBookable, noAccount } from '../portfolio/account-fields';
import { accountsNamed } from '../portfolio/account-service';
import { accountNameKey } from '../../lib/portfolio/account';
import type { PortfolioAccount } from '../../lib/portfolio/account';
import type { TransactionStore } from '../store/transaction-store';
import type { PortfolioAccountStore, UserPortfolioAccounts } from '../store/portfolio-account-store';
import { adjust } from '../sync/adjustments';
import { BookingError, bookRecord, inBookingOrder } from '../sync/book-records';
import type { BookingContext, PriceAt } from '../sync/book-records';
import { HOME_CURRENCIES } from '../sync/sync-service';
import { parseBinance } from './binance';
import { parseCoinbase } from './coinbase';
import { allOf, atLines, inField, refuseLines } from './csv-table';
import type { Problem } from './csv-table';
import type { CsvFile, ExchangeFormat } from './file-format';
import { parseKraken } from './kraken';
import { homeCurrency } from './markets';
import type { MarketView } from './markets';
import type { ImportRecord, ParsedFile } from './parsed-file';
import { statedKey } from './parsed-file';
import { syncedTradeMatcher } from './synced-trades';
import { portfolioQuotes, requoteAll } from '../sync/requote';
import type { RateAt } from '../sync/requote';

/** Each format's exchange (its ccxt id), its name, and its parser. */
const EXCHANGES: Record<
  ExchangeFormat,
  { id: string; title: string; parse(file: CsvFile, view: MarketView, locale: LocaleChoice): ParsedFile }
> = {
  binance: { id: 'binance', title: 'Binance', parse: parseBinance },
  coinbase: { id: 'coinbase', title: 'Coinbase', parse: parseCoinbase },
  kraken: { id: 'kraken', title: 'Kraken', parse: parseKraken },
};

/** What an import needs: the store, the exchanges' markets and past prices, the user's currency. */
export interface ExchangeImportDeps {
  transactions: TransactionStore;
  accounts: Pick<PortfolioAccountStore, 'list'>;
  /** An exchange's loaded markets (empty while loading); undefined when it is not configured here. */
  markets(exchange: string): ReadonlyMap<string, MarketInfo> | undefined;
  prices: PastPrices;
  /** The user's portfolio currency, the first an import values in. */
  currency(userId: number): Promise<string>;
  changed(userId: number): void;
  now?: () => number;
}

/** What an import did: rows booked now, rows booked before, rows that book nothing by design. */
export interface ImportOutcome {
  format: ExchangeFormat;
  account: { id: string; name: string };
  imported: number;
  skipped: number;
  ignored: number;
  warnings: string[];
}

/** A record's transactions and how refusals name it (`label` in English, for the messages of other modules). */
interface Booked {
  record: ImportRecord;
  label: string;
  legs: SyncedTransaction[];
}

const label = (lines: readonly number[]) => `line${lines.length > 1 ? 's' : ''} ${lines.join(', ')}`;

/** What another module's error says: its message by key where it carries one, else its English text. */
const problemOf = (error: Error & { text?: ErrorText }): Problem => error.text ?? error.message;

/** Imports of the exchanges' own files, one user at a time. */
export class ExchangeImport {
  private readonly now: () => number;

  constructor(private readonly deps: ExchangeImportDeps) {
    this.now = deps.now ?? Date.now;
  }

  /**
   * Books the file into `account` (one of the user's, else NOT_FOUND), or without one into the account named
   * after the exchange, created when missing. Throws BAD_REQUEST naming every bad line, nothing stored. Its
   * warnings are worded in `locale`'s language (docs/locales.md, L6); its refusals carry their keys.
   */
  async import(
    userId: number,
    file: CsvFile & { format: ExchangeFormat },
    account?: string,
    locale: LocaleChoice = ENGLISH,
  ): Promise<ImportOutcome> {
    const exchange = EXCHANGES[file.format];
    if (account !== undefined) await this.checkAccount(userId, account);
    const view = this.view(exchange.id);
    const parsed = exchange.parse(file, view, locale);
    const home = homeCurrency(view, [await this.deps.currency(userId), ...HOME_CURRENCIES], parsed.quotes);
    const booked = await book(parsed.records, {
      // Set on each transaction once the account is known, inside the write.
      account: '',
      exchange: exchange.id,
      exchangeName: exchange.title,
      home,
      priceAt: this.priceAt(parsed, home, exchange.id),
    });
    const quotes = portfolioQuotes(await this.deps.transactions.list(userId));
    const requoted = await requoteAll(booked, quotes, this.rateAt(exchange.id), (b) => b.label);
    if (requoted.failures.length > 0)
      throw refuseLines(requoted.failures.map((f) => atLines(f.booked.record.lines, f.problem)));
    const written = await this.write(userId, requoted.booked, { account, exchange, home });
    if (written.added) this.deps.changed(userId);
    return {
      format: file.format,
      account: written.account,
      imported: written.imported,
      skipped: written.skipped,
      ignored: parsed.ignored.length,
      warnings: parsed.warnings,
    };
  }

  /**
   * One database transaction: the account found (or made), the legs it does not hold yet checked against the
   * history (P2) with the opening balances it then needs, and stored.
   */
  private write(
    userId: number,
    booked: readonly Booked[],
    into: { account: string | undefined; exchange: { id: string; title: string }; home: string },
  ) {
    const { exchange, home } = into;
    const now = this.now();
    return this.deps.transactions.change(userId, async (mine, accounts) => {
      const target = await targetAccount(accounts, into.account, exchange.title);
      const all = await mine.list();
      const conflicts = quoteConflicts(all, booked, { exchange: exchange.title, home });
      if (conflicts.length > 0) throw refuseLines(conflicts);
      const { fresh, imported, skipped } = newLegs(booked, {
        known: await mine.externalIds(target.id),
        synced: syncedTradeMatcher(all, target.id),
        account: target.id,
      });
      if (fresh.length > 0) {
        // Refusals name the new transactions by their lines, so they are checked before they have ids.
        const named = fresh.map(({ leg, label: where }) => ({ ...leg, id: `on ${where}` }));
        await adjust(mine, [...all, ...named], null, {
          account: target.id,
          home,
          exchange: exchange.id,
          openingNote: `Opening balance: held before the history in the ${exchange.title} file. Cost unknown: edit it to set one.`,
          closingNote: '',
          now,
        });
        checkBookable([...(await mine.list()), ...named], await accounts.list());
        await mine.insert(
          fresh.map((f) => f.leg),
          now,
        );
      }
      return { account: { id: target.id, name: target.name }, imported, skipped, added: fresh.length > 0 };
    });
  }

  /** NOT_FOUND for an id that is not one of the user's accounts, before any work on the file. */
  private async checkAccount(userId: number, id: string): Promise<void> {
    if (!(await this.deps.accounts.list(userId)).some((a) => a.id === id)) throw noAccount(id);
  }

  /** The exchange's markets, or none when it is not configured; markets still loading are asked for again later. */
  private view(exchange: string): MarketView {
    const markets = this.deps.markets(exchange);
    if (markets && markets.size === 0)
      throw new AppError('EXCHANGE_UNAVAILABLE', text('imports', 'marketsLoading', { exchange }));
    return { exchange, markets: markets ?? null };
  }

  /** Prices in the home currency: the file's own where it states one in it, else the exchanges' candles (P1). */
  private priceAt(parsed: ParsedFile, home: string, exchange: string): PriceAt {
    const rateAt = this.rateAt(exchange);
    return async (asset, timeMs) => {
      const stated = parsed.prices.get(statedKey(asset, timeMs));
      if (stated && stated.currency === home) return stated.price;
      return rateAt(asset, home, timeMs);
    };
  }

  /** A minute's price from the exchanges' candles, the file's exchange first (P1). */
  private rateAt(exchange: string): RateAt {
    return async (from, to, timeMs) => {
      try {
        return await this.deps.prices.price(from, to, timeMs, exchange);
      } catch {
        throw new AppError('EXCHANGE_UNAVAILABLE', text('imports', 'pricesUnavailable'));
      }
    };
  }
}

/** Every record's transactions, in booking order; BAD_REQUEST naming each record that cannot be booked. */
async function book(records: readonly ImportRecord[], ctx: BookingContext): Promise<Booked[]> {
  const problems: Problem[] = [];
  const booked: Booked[] = [];
  for (const record of inBookingOrder(records)) {
    try {
      const legs = await bookRecord(record, ctx);
      const issues = legs.flatMap((leg): Problem[] => {
        const parsed = parseNewTransaction(fieldsOf(leg));
        // The exchange's id comes from the file: one too long to keep is not an id.
        const id =
          leg.externalId.length > MAX_EXTERNAL_ID_LENGTH ? [inField('id', text('imports', 'idTooLong'))] : [];
        return [...(parsed.ok ? [] : parsed.error.issues), ...id];
      });
      if (issues.length > 0) problems.push(atLines(record.lines, allOf(issues)));
      else booked.push({ record, label: label(record.lines), legs });
    } catch (error) {
      if (!(error instanceof BookingError)) throw error;
      problems.push(atLines(record.lines, problemOf(error)));
    }
  }
  if (problems.length > 0) throw refuseLines(problems);
  return booked;
}

/** The fields a client could send: every transaction an import stores passes the same checks (P1). */
function fieldsOf(t: SyncedTransaction) {
  const { type, asset, quantity, price, quoteCurrency, fee, feeCurrency, time, exchange, note } = t;
  return { type, asset, quantity, price, quoteCurrency, fee, feeCurrency, time, exchange, note };
}

/**
 * The legs the account does not hold yet (by external id), in `account`, and the rows counted: imported when any
 * of a record's legs is new (one the user deleted is booked again, as a sync does), else skipped; so is a record
 * the account holds from a sync under the exchange's id.
 */
function newLegs(
  booked: readonly Booked[],
  {
    known,
    synced,
    account,
  }: { known: ReadonlySet<string>; synced(r: ImportRecord): boolean; account: string },
) {
  let imported = 0;
  let skipped = 0;
  const fresh: Array<{ leg: SyncedTransaction; label: string }> = [];
  for (const b of booked) {
    const legs = synced(b.record) ? [] : b.legs.filter((l) => !known.has(l.externalId));
    if (legs.length === 0) skipped += b.record.lines.length;
    else imported += b.record.lines.length;
    for (const leg of legs) fresh.push({ leg: { ...leg, account }, label: b.label });
  }
  return { fresh, imported, skipped };
}

/**
 * Lines whose transactions would quote an asset otherwise than the user's history does (P2), each named, the
 * file being valued in `home`.
 */
function quoteConflicts(
  all: readonly Transaction[],
  booked: readonly Booked[],
  file: { exchange: string; home: string },
): Problem[] {
  const quoted = new Map(all.map((t) => [t.asset, t.quoteCurrency]));
  return booked.flatMap((b) => {
    const clash = b.legs.find((l) => (quoted.get(l.asset) ?? l.quoteCurrency) !== l.quoteCurrency);
    if (!clash) return [];
    const values = { ...file, asset: clash.asset, quoted: quoted.get(clash.asset) ?? '' };
    return [atLines(b.record.lines, text('imports', 'quoteConflict', values))];
  });
}

/** The account named by id (NOT_FOUND if not the user's), or the one named after the exchange, made if missing. */
async function targetAccount(
  accounts: UserPortfolioAccounts,
  id: string | undefined,
  title: string,
): Promise<PortfolioAccount> {
  if (id !== undefined) {
    const found = (await accounts.list()).find((a) => a.id === id);
    if (!found) throw noAccount(id);
    return found;
  }
  return (await accountsNamed(accounts, [title])).get(accountNameKey(title)) as PortfolioAccount;
}
