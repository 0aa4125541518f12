/** What each account endpoint returns for its parameters, by Binance's documented rules (windows, order, paging). */
import {
  BinanceRequestError,
  INTEGER,
  illegalCharacters,
  invalidParameter,
  limitParameter,
  optionalInteger,
} from '../binance-params';
import type { AccountDeposit, AccountDividend, AccountTrade, AccountWithdrawal } from './records';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** -1104 when the request carries a parameter the endpoint does not read; Binance refuses rather than ignores. */
export function onlyParameters(params: URLSearchParams, known: readonly string[]): void {
  const sent = [...params.keys()];
  const read = sent.filter((name) => known.includes(name));
  if (read.length !== sent.length) {
    throw new BinanceRequestError(
      400,
      -1104,
      `Not all sent parameters were read; read '${read.length}' parameter(s) but was sent '${sent.length}'.`,
    );
  }
}

/** `true` or `false` (Binance's BOOLEAN), `fallback` when absent. */
export function booleanParameter(params: URLSearchParams, name: string, fallback: boolean): boolean {
  const value = params.get(name);
  if (value === null) return fallback;
  if (!/^(true|false)$/i.test(value)) throw illegalCharacters(name, /^(true|false)$/);
  return value.toLowerCase() === 'true';
}

const tooLong = (hours: number) =>
  new BinanceRequestError(400, -1127, `More than ${hours} hours between startTime and endTime.`);

// The combinations myTrades documents; any other mix of its optional parameters is -1128.
const TRADE_COMBINATIONS = [
  '',
  'orderId',
  'startTime',
  'endTime',
  'fromId',
  'startTime,endTime',
  'orderId,fromId',
];

/**
 * `GET /api/v3/myTrades` of one market's fills (oldest first): from `fromId` on, or within [startTime, endTime]
 * (at most 24 h apart), oldest first from a start, most recent up to an end or with no time at all.
 */
export function selectTrades(trades: readonly AccountTrade[], params: URLSearchParams): AccountTrade[] {
  const orderId = optionalInteger(params, 'orderId');
  const startTime = optionalInteger(params, 'startTime');
  const endTime = optionalInteger(params, 'endTime');
  const fromId = optionalInteger(params, 'fromId');
  const limit = limitParameter(params, 500, 1000);
  const given = { orderId, startTime, endTime, fromId };
  const combination = Object.keys(given)
    .filter((name) => given[name as keyof typeof given] !== undefined)
    .join(',');
  if (!TRADE_COMBINATIONS.includes(combination)) {
    throw new BinanceRequestError(400, -1128, 'Combination of optional parameters invalid.');
  }
  if (startTime !== undefined && endTime !== undefined && endTime - startTime > DAY) throw tooLong(24);
  const selected = trades.filter(
    (t) =>
      (orderId === undefined || t.orderId === orderId) &&
      (fromId === undefined || t.id >= fromId) &&
      (startTime === undefined || t.time >= startTime) &&
      (endTime === undefined || t.time <= endTime),
  );
  const fromOldest = orderId !== undefined || fromId !== undefined || startTime !== undefined;
  return fromOldest ? selected.slice(0, limit) : selected.slice(-limit);
}

/**
 * The wallet's window: startTime defaults to 90 days before now and endTime to now, and the two may be at most
 * `maxDays` apart (90, or 7 when a withdrawOrderId is given).
 */
function walletWindow(params: URLSearchParams, now: number, maxDays: number): { start: number; end: number } {
  const start = optionalInteger(params, 'startTime') ?? now - maxDays * DAY;
  const end = optionalInteger(params, 'endTime') ?? now;
  if (end - start > maxDays * DAY) throw tooLong(maxDays * 24);
  return { start, end };
}

/** The page `offset` (default 0) and `limit` (default and most 1000) of a newest-first list. */
function page<T>(items: T[], params: URLSearchParams): T[] {
  const offset = optionalInteger(params, 'offset') ?? 0;
  const limit = limitParameter(params, 1000, 1000);
  return items.slice(offset, offset + limit);
}

function statusParameter(params: URLSearchParams): number | undefined {
  const status = params.get('status');
  if (status !== null && !INTEGER.test(status)) throw illegalCharacters('status', INTEGER);
  return status === null ? undefined : Number(status);
}

/** A newest-first page of wallet records within the window, by coin and status, and by what `matches` adds. */
function walletPage<T extends { coin: string; status: number }>(
  items: readonly T[],
  params: URLSearchParams,
  window: { now: number; maxDays: number; timeOf: (item: T) => number },
  matches: (item: T) => boolean,
): T[] {
  const { timeOf } = window;
  const { start, end } = walletWindow(params, window.now, window.maxDays);
  const coin = params.get('coin');
  const status = statusParameter(params);
  const selected = items.filter(
    (item) =>
      timeOf(item) >= start &&
      timeOf(item) <= end &&
      (coin === null || item.coin === coin) &&
      (status === undefined || item.status === status) &&
      matches(item),
  );
  return page(
    selected.sort((a, b) => timeOf(b) - timeOf(a)),
    params,
  );
}

/** `GET /sapi/v1/capital/deposit/hisrec`: newest first, within the window, by coin, status and txId. */
export function selectDeposits(
  deposits: readonly AccountDeposit[],
  params: URLSearchParams,
  now: number,
): AccountDeposit[] {
  const txId = params.get('txId');
  return walletPage(
    deposits,
    params,
    { now, maxDays: 90, timeOf: (d) => d.insertTime },
    (d) => txId === null || d.txId === txId,
  );
}

/** `GET /sapi/v1/capital/withdraw/history`: newest first, within the window, by coin, status, ids and order id. */
export function selectWithdrawals(
  withdrawals: readonly AccountWithdrawal[],
  params: URLSearchParams,
  now: number,
): AccountWithdrawal[] {
  const withdrawOrderId = params.get('withdrawOrderId');
  const idList = params.get('idList')?.split(',');
  if (idList !== undefined && idList.length > 50) throw invalidParameter('idList');
  const window = {
    now,
    maxDays: withdrawOrderId === null ? 90 : 7,
    timeOf: (w: AccountWithdrawal) => w.applyTime,
  };
  // The demo's withdrawals were all made on Binance's site, so none carries a client's withdrawOrderId.
  return walletPage(
    withdrawals,
    params,
    window,
    (w) => (idList === undefined || idList.includes(w.id)) && withdrawOrderId === null,
  );
}

/**
 * `GET /sapi/v1/asset/assetDividend`: the rows within the window (at most 180 days; Binance documents no
 * default, the demo takes the 180 days up to now), by asset, newest first, `limit` of them (default 20, most
 * 500; there is no offset: a client narrows `endTime` to page), and `total`, how many the window holds.
 */
export function selectDividends(
  dividends: readonly AccountDividend[],
  params: URLSearchParams,
  now: number,
): { rows: AccountDividend[]; total: number } {
  const { start, end } = walletWindow(params, now, 180);
  const asset = params.get('asset');
  const limit = limitParameter(params, 20, 500);
  const selected = dividends
    .filter((d) => d.divTime >= start && d.divTime <= end && (asset === null || d.asset === asset))
    .sort((a, b) => b.divTime - a.divTime);
  return { rows: selected.slice(0, limit), total: selected.length };
}
