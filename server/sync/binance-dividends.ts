/**
 * Binance's asset-dividend record (`GET /sapi/v1/asset/assetDividend`, through ccxt's signed implicit call):
 * interest, staking rewards, airdrops and other distributions, which no unified ccxt call returns. Rows become
 * income records of the matching type (P1); a debit (`direction` -1) takes coins out as a withdrawal would.
 * Binance allows at most 180 days a request, at most 500 rows, and no offset: a full window is paged by moving
 * its end back to the oldest row read.
 */
import { z } from 'zod';
import { Decimal, MAX_FRACTION_DIGITS, parseDecimal } from '../../lib/portfolio/decimal';
import { TICKER_PATTERN } from '../../lib/portfolio/transaction';
import type { IncomeType } from '../../lib/portfolio/transaction';
import { text } from '../errors';
import type { ErrorText } from '../errors';
import { issueMessage, says } from './records';
import type { IncomeRecord, MoveRecord } from './records';
import { SyncError } from './sync-error';

/** The longest window one request may span. */
export const DIVIDEND_WINDOW_MS = 180 * 86_400_000;

/** The most rows one request returns. */
export const DIVIDEND_PAGE = 500;

/** The one call this needs of ccxt's binance class (an implicit API method, signed like the unified ones). */
export interface DividendApi {
  sapiGetAssetAssetDividend(params: Record<string, unknown>): Promise<unknown>;
}

/** True when the ccxt instance has the call (its binance class and those built on it). */
export const hasDividendApi = (ex: object): ex is DividendApi =>
  typeof (ex as Partial<DividendApi>).sapiGetAssetAssetDividend === 'function';

/** What the record held over the windows read. */
export interface DividendHistory {
  income: IncomeRecord[];
  debits: MoveRecord[];
}

/** The income type a row's `enInfo` names: Binance's own words for its products, checked in this order. */
export function incomeTypeOf(enInfo: string): IncomeType {
  if (/voucher|rebate|referral|commission|cashback/i.test(enInfo)) return 'income';
  if (/airdrop|distribution|launchpool|launchpad|megadrop|hodler/i.test(enInfo)) return 'airdrop';
  if (/staking|stake/i.test(enInfo)) return 'staking';
  if (/interest|savings|earn|vault|flexible|locked/i.test(enInfo)) return 'interest';
  return 'income';
}

const amount = z.string().refine((text) => {
  const parsed = parseDecimal(text);
  return parsed.ok && parsed.value.greaterThan(0) && parsed.value.lessThan(1e15);
}, says('notPositiveAmount'));

const rowSchema = z.object({
  id: z.number().int().nonnegative(),
  amount,
  asset: z.string().regex(TICKER_PATTERN, says('notACurrency')),
  divTime: z.number().int().positive(),
  enInfo: z.string().max(200),
  tranId: z.number().int().nonnegative().nullish(),
  // Older answers have no direction: every row was a credit.
  direction: z.union([z.literal(1), z.literal(-1)]).nullish(),
});

const answerSchema = z.object({ rows: z.array(z.unknown()), total: z.number().int().nonnegative() });

type Row = z.infer<typeof rowSchema>;

function badData(exchangeName: string, detail: ErrorText): SyncError {
  return new SyncError(
    'BAD_EXCHANGE_DATA',
    text('sync', 'badDividendRow', { exchange: exchangeName, detail }),
  );
}

function readRow(raw: unknown, exchangeName: string): Row {
  const parsed = rowSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const id = (raw as { id?: unknown } | null)?.id;
  const problem = issue
    ? text('sync', 'fieldIssue', { field: issue.path.join('.'), problem: issueMessage(issue.message) })
    : text('sync', 'unreadable');
  // The row's id as Binance wrote it, digits alone.
  throw badData(
    exchangeName,
    typeof id === 'number'
      ? text('sync', 'rowWithId', { id: String(id), problem })
      : text('sync', 'row', { problem }),
  );
}

/** One window's rows, every page of it; throws BAD_EXCHANGE_DATA for an answer or a row that is not sound. */
async function readWindow(ex: DividendApi, start: number, end: number, exchangeName: string): Promise<Row[]> {
  const byId = new Map<number, Row>();
  let until = end;
  for (;;) {
    const answer = answerSchema.safeParse(
      await ex.sapiGetAssetAssetDividend({ startTime: start, endTime: until, limit: DIVIDEND_PAGE }),
    );
    if (!answer.success) throw badData(exchangeName, text('sync', 'noRowsAndTotal'));
    const rows = answer.data.rows.map((raw) => readRow(raw, exchangeName));
    const before = byId.size;
    for (const row of rows) byId.set(row.id, row);
    if (rows.length < DIVIDEND_PAGE) break;
    const oldest = Math.min(...rows.map((r) => r.divTime));
    // A full page of one millisecond cannot move back: go past it rather than ask for it forever.
    until = byId.size === before || oldest >= until ? oldest - 1 : oldest;
    if (until < start) break;
  }
  return [...byId.values()];
}

/** Every row from `since` to `now`, oldest window first, as income records and debits. */
export async function readDividends(
  ex: DividendApi,
  since: number,
  now: number,
  exchangeName: string,
  progress: (done: number, total: number) => void,
): Promise<DividendHistory> {
  const total = Math.max(1, Math.ceil((now - since) / DIVIDEND_WINDOW_MS));
  const rows = new Map<number, Row>();
  let done = 0;
  for (let from = since; from < now; from += DIVIDEND_WINDOW_MS) {
    progress(done, total);
    const to = Math.min(from + DIVIDEND_WINDOW_MS - 1, now);
    for (const row of await readWindow(ex, from, to, exchangeName)) rows.set(row.id, row);
    done += 1;
  }
  progress(done, total);
  const out: DividendHistory = { income: [], debits: [] };
  for (const row of [...rows.values()].sort((a, b) => a.divTime - b.divTime)) {
    const value = new Decimal(row.amount).toDecimalPlaces(MAX_FRACTION_DIGITS);
    const id = `dividend-${row.id}`;
    if (row.direction === -1) {
      out.debits.push({ id, currency: row.asset, amount: value, fee: null, timeMs: row.divTime });
    } else {
      const type = incomeTypeOf(row.enInfo);
      out.income.push({
        id: String(row.id),
        type,
        currency: row.asset,
        amount: value,
        fee: null,
        timeMs: row.divTime,
        description: row.enInfo,
      });
    }
  }
  return out;
}
