/**
 * Reads an account's history from an exchange through ccxt (docs/protocol.md P9): balances, the account's trades
 * market by market from each market's cursor, deposits and withdrawals in the windows the exchange allows, and
 * income where the exchange lists it (Binance's asset-dividend record).
 * Every record is checked (records.ts) before it is returned; nothing is written here.
 */
import ccxt from 'ccxt';
import type { Exchange } from 'ccxt';
import type { Decimal } from '../../lib/portfolio/decimal';
import type { SyncCursors } from '../store/connection-store';
import { hasDividendApi, readDividends } from './binance-dividends';
import type { DividendHistory } from './binance-dividends';
import { historyRules } from './history-rules';
import { readBalances, readMove, readTrade } from './records';
import type { IncomeRecord, MoveRecord, TradeRecord } from './records';
import type { SyncProgress } from '../../lib/portfolio/connection';

/** Trades per request: Binance's maximum, and what most exchanges accept. */
const PAGE = 1000;

/** How far back each sync reads deposits and withdrawals again: one still pending last time may be done now. */
export const MOVES_OVERLAP_MS = 7 * 86_400_000;

/** Everything one sync read, and where the next one resumes. */
export interface AccountHistory {
  balances: Map<string, Decimal>;
  trades: TradeRecord[];
  deposits: MoveRecord[];
  withdrawals: MoveRecord[];
  income: IncomeRecord[];
  cursors: SyncCursors;
}

/** What the reader needs besides the exchange. */
export interface HistoryOptions {
  exchangeName: string;
  cursors: SyncCursors;
  /** Currencies the account is known to have held (from its transactions), so their markets are read too. */
  knownCurrencies: Iterable<string>;
  progress(progress: SyncProgress): void;
  now: number;
}

/** Reads the whole history a sync needs; throws (ccxt or SyncError) on the first failure. */
export async function readHistory(ex: Exchange, options: HistoryOptions): Promise<AccountHistory> {
  const { exchangeName, now } = options;
  const rules = historyRules(ex.id);
  options.progress({ step: 'balances', done: 0, total: 1 });
  const balance = await ex.fetchBalance();
  const balances = readBalances(balance.total, exchangeName);
  const since = (cursor: number | undefined) => cursor ?? rules.startMs;
  options.progress({ step: 'deposits', done: 0, total: 1 });
  const deposits = await readMoves(ex, 'deposit', since(options.cursors.deposits), now, options);
  options.progress({ step: 'withdrawals', done: 0, total: 1 });
  const withdrawals = await readMoves(ex, 'withdrawal', since(options.cursors.withdrawals), now, options);
  const dividends = await readIncome(ex, since(options.cursors.income), options);
  withdrawals.push(...dividends.debits);
  const currencies = new Set([
    ...balances.keys(),
    ...deposits.map((d) => d.currency),
    ...withdrawals.map((w) => w.currency),
    ...dividends.income.map((i) => i.currency),
    ...options.knownCurrencies,
  ]);
  const markets = spotMarkets(ex);
  const trades = await readTrades(ex, markets, currencies, options);
  const cursors: SyncCursors = {
    trades: trades.cursors,
    deposits: now - MOVES_OVERLAP_MS,
    withdrawals: now - MOVES_OVERLAP_MS,
    ...(rules.assetDividends ? { income: now - MOVES_OVERLAP_MS } : {}),
  };
  return { balances, trades: trades.records, deposits, withdrawals, income: dividends.income, cursors };
}

/** Income where the exchange lists it apart (Binance); elsewhere none is read, and reconciliation covers it. */
async function readIncome(
  ex: Exchange,
  since: number | undefined,
  options: HistoryOptions,
): Promise<DividendHistory> {
  if (!historyRules(ex.id).assetDividends || !hasDividendApi(ex) || since === undefined)
    return { income: [], debits: [] };
  return readDividends(ex, since, options.now, options.exchangeName, (done, total) =>
    options.progress({ step: 'income', done, total }),
  );
}

type Market = { base: string; quote: string };

/** The exchange's spot markets by unified symbol. */
function spotMarkets(ex: Exchange): Map<string, Market> {
  const out = new Map<string, Market>();
  for (const market of Object.values(ex.markets ?? {})) {
    if (!market || market.spot !== true || typeof market.symbol !== 'string') continue;
    out.set(market.symbol, { base: market.base, quote: market.quote });
  }
  return out;
}

/**
 * The account's trades since each market's cursor. An exchange that lists all of an account's trades at once
 * is asked once; one that needs a market (Binance) is asked for every market whose two currencies the account
 * has held, since a trade needs both.
 */
async function readTrades(
  ex: Exchange,
  markets: Map<string, Market>,
  currencies: Set<string>,
  options: HistoryOptions,
): Promise<{ records: TradeRecord[]; cursors: SyncCursors['trades'] }> {
  const cursors = { ...options.cursors.trades };
  const records: TradeRecord[] = [];
  const all = cursors['*'];
  if (all !== undefined || !historyRules(ex.id).tradesById) {
    try {
      const found = await pageByTime(ex, undefined, all?.since, markets, options);
      records.push(...found.records);
      if (found.since !== undefined) cursors['*'] = { since: found.since };
      return { records, cursors };
    } catch (error) {
      // Binance and others need a market: then ask market by market.
      if (!(error instanceof ccxt.ArgumentsRequired)) throw error;
    }
  }
  const symbols = [...markets]
    .filter(([, m]) => currencies.has(m.base) && currencies.has(m.quote))
    .map(([s]) => s);
  symbols.sort();
  let done = 0;
  for (const symbol of symbols) {
    options.progress({ step: 'trades', done, total: symbols.length });
    const cursor = cursors[symbol];
    if (historyRules(ex.id).tradesById) {
      const found = await pageById(ex, symbol, cursor?.fromId, markets, options);
      records.push(...found.records);
      if (found.fromId !== undefined) cursors[symbol] = { fromId: found.fromId };
    } else {
      const found = await pageByTime(ex, symbol, cursor?.since, markets, options);
      records.push(...found.records);
      if (found.since !== undefined) cursors[symbol] = { since: found.since };
    }
    done += 1;
  }
  options.progress({ step: 'trades', done, total: symbols.length });
  return { records, cursors };
}

/** Pages through a market by trade id (Binance's `fromId`); the cursor is the id after the last one seen. */
async function pageById(
  ex: Exchange,
  symbol: string,
  fromId: string | undefined,
  markets: Map<string, Market>,
  options: HistoryOptions,
): Promise<{ records: TradeRecord[]; fromId: string | undefined }> {
  const records: TradeRecord[] = [];
  let next = fromId ?? '0';
  for (;;) {
    const page = await ex.fetchMyTrades(symbol, undefined, PAGE, { fromId: next });
    const read = page.map((raw) => readTrade(raw, markets, options.exchangeName));
    records.push(...read);
    const last = read.at(-1);
    if (!last) break;
    if (!/^\d+$/.test(last.id)) break;
    next = (BigInt(last.id) + 1n).toString();
    if (read.length < PAGE) break;
  }
  return { records, fromId: records.length > 0 || fromId !== undefined ? next : undefined };
}

/**
 * Pages by time: from `since` (inclusive, so a trade in the same millisecond as the last one is not lost; the
 * exchange's ids make a repeat harmless) until a page brings nothing new.
 */
async function pageByTime(
  ex: Exchange,
  symbol: string | undefined,
  since: number | undefined,
  markets: Map<string, Market>,
  options: HistoryOptions,
): Promise<{ records: TradeRecord[]; since: number | undefined }> {
  const seen = new Set<string>();
  const records: TradeRecord[] = [];
  let from = since;
  for (;;) {
    const page = await ex.fetchMyTrades(symbol, from, PAGE);
    const fresh = page
      .map((raw) => readTrade(raw, markets, options.exchangeName))
      .filter((t) => !seen.has(t.id));
    for (const t of fresh) seen.add(t.id);
    records.push(...fresh);
    const last = fresh.reduce((max, t) => Math.max(max, t.timeMs), from ?? 0);
    if (fresh.length === 0 || page.length < PAGE || last === from) break;
    from = last;
  }
  const newest = records.reduce((max, t) => Math.max(max, t.timeMs), since ?? 0);
  return { records, since: newest > 0 ? newest : since };
}

/** Completed deposits or withdrawals since `since`, in the windows the exchange allows, oldest window first. */
async function readMoves(
  ex: Exchange,
  kind: 'deposit' | 'withdrawal',
  since: number | undefined,
  now: number,
  options: HistoryOptions,
): Promise<MoveRecord[]> {
  const fetch = (from: number | undefined, until: number | undefined) =>
    kind === 'deposit'
      ? ex.fetchDeposits(undefined, from, undefined, until === undefined ? {} : { until })
      : ex.fetchWithdrawals(undefined, from, undefined, until === undefined ? {} : { until });
  const step = historyRules(ex.id).windowMs;
  const raws: unknown[] = [];
  if (step === undefined || since === undefined) raws.push(...(await fetch(since, undefined)));
  else {
    const total = Math.max(1, Math.ceil((now - since) / step));
    let done = 0;
    for (let from = since; from < now; from += step) {
      options.progress({ step: kind === 'deposit' ? 'deposits' : 'withdrawals', done, total });
      raws.push(...(await fetch(from, Math.min(from + step - 1, now))));
      done += 1;
    }
  }
  const byId = new Map<string, MoveRecord>();
  for (const raw of raws) {
    const move = readMove(raw, kind, options.exchangeName);
    if (move) byId.set(move.id, move);
  }
  return [...byId.values()].sort((a, b) => a.timeMs - b.timeMs);
}
