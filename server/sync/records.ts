/**
 * What a sync reads from an exchange, checked before anything is booked (docs/protocol.md P9): ccxt passes an
 * exchange's numbers through unchanged, so a negative fee, an absurd amount or an unknown currency would
 * otherwise become a transaction. One bad record fails the sync with a message naming it; nothing is written.
 */
import { z } from 'zod';
import { Decimal, MAX_FRACTION_DIGITS } from '../../lib/portfolio/decimal';
import { TICKER_PATTERN } from '../../lib/portfolio/transaction';
import type { IncomeType } from '../../lib/portfolio/transaction';
import { text } from '../errors';
import type { ErrorText } from '../errors';
import { SyncError } from './sync-error';

/** An amount no real account holds: past it, a number is a glitch, not a balance. */
const ABSURD = 1e15;

/** A fee as paid, in its own currency. */
export interface Fee {
  amount: Decimal;
  currency: string;
}

/** One fill of the account's own orders. */
export interface TradeRecord {
  id: string;
  symbol: string;
  base: string;
  quote: string;
  side: 'buy' | 'sell';
  amount: Decimal;
  price: Decimal;
  /** What the quote side moved: the exchange's own figure where it gives one, else amount × price. */
  cost: Decimal;
  fee: Fee | null;
  timeMs: number;
}

/** A completed deposit or withdrawal. */
export interface MoveRecord {
  id: string;
  currency: string;
  amount: Decimal;
  fee: Fee | null;
  timeMs: number;
}

/** Coins received for nothing given: a staking reward, interest, an airdrop, other income (P1). */
export interface IncomeRecord {
  id: string;
  type: IncomeType;
  currency: string;
  amount: Decimal;
  /** Taken from what arrived, in the same currency; null for none. */
  fee: Fee | null;
  timeMs: number;
  /** The exchange's own words for it (Binance's `enInfo`), kept in the note. */
  description?: string;
}

const exact = (n: number) => new Decimal(String(n)).toDecimalPlaces(MAX_FRACTION_DIGITS);

// The checks' own messages are catalog keys, worded where the problem is told (`issueMessage`).
const ISSUES = [
  'absurdlyLarge',
  'negative',
  'notANumber',
  'notACurrency',
  'noValidTime',
  'noSide',
  'notPositiveAmount',
] as const;

/** A check's message by its key in the sync catalog: `z.string().regex(re, says('notACurrency'))`. */
export const says = (key: (typeof ISSUES)[number]) => ({ error: key });

/** A zod issue's message: one of `says` by its key, zod's own as zod wrote it (English). */
export function issueMessage(message: string): string | ErrorText {
  const key = ISSUES.find((k) => k === message);
  return key ? text('sync', key) : message;
}

const positive = z.number().finite().positive().max(ABSURD, says('absurdlyLarge'));
const nonNegative = z
  .number(says('notANumber'))
  .finite()
  .min(0, says('negative'))
  .max(ABSURD, says('absurdlyLarge'));
const currency = z.string().regex(TICKER_PATTERN, says('notACurrency'));
const id = z.union([z.string().min(1).max(100), z.number().int().nonnegative()]).transform(String);
const time = z.number(says('noValidTime')).int(says('noValidTime')).positive(says('noValidTime'));
const fee = z
  .object({ cost: nonNegative, currency: currency.nullish() })
  .nullish()
  .transform((f) => (f && f.cost > 0 && f.currency ? { amount: exact(f.cost), currency: f.currency } : null));

const tradeSchema = z.object({
  id,
  timestamp: time,
  symbol: z.string(),
  side: z.enum(['buy', 'sell'], says('noSide')),
  amount: positive,
  price: positive,
  cost: nonNegative.nullish(),
  fee,
});

const moveSchema = z.object({
  id,
  timestamp: time,
  currency,
  amount: positive,
  status: z.string().nullish(),
  fee,
});

/** The first problem of a failed parse, as "field what is wrong". */
function problem(error: z.ZodError): ErrorText {
  const issue = error.issues[0];
  if (!issue) return text('sync', 'unreadable');
  const field = issue.path.join('.') || text('sync', 'theRecord');
  return text('sync', 'fieldIssue', { field, problem: issueMessage(issue.message) });
}

const garbage = (exchange: string, what: ErrorText, detail: ErrorText) =>
  new SyncError('BAD_EXCHANGE_DATA', text('sync', 'badRecord', { exchange, what, detail }));

/** A ccxt trade of `markets`' market as a record; throws BAD_EXCHANGE_DATA naming it when it is not sound. */
export function readTrade(
  raw: unknown,
  markets: ReadonlyMap<string, { base: string; quote: string }>,
  exchange: string,
): TradeRecord {
  const parsed = tradeSchema.safeParse(raw);
  if (!parsed.success) {
    const rawId = (raw as { id?: unknown } | null)?.id;
    const label =
      typeof rawId === 'string' ? text('sync', 'aTradeWithId', { id: rawId }) : text('sync', 'aTrade');
    throw garbage(exchange, label, problem(parsed.error));
  }
  const t = parsed.data;
  const market = markets.get(t.symbol);
  if (!market)
    throw garbage(
      exchange,
      text('sync', 'theTrade', { id: t.id }),
      text('sync', 'unknownMarket', { market: JSON.stringify(t.symbol) }),
    );
  const amount = exact(t.amount);
  const price = exact(t.price);
  const cost = t.cost !== null && t.cost !== undefined && t.cost > 0 ? exact(t.cost) : amount.times(price);
  return {
    id: t.id,
    symbol: t.symbol,
    base: market.base,
    quote: market.quote,
    side: t.side,
    amount,
    price,
    cost: cost.toDecimalPlaces(MAX_FRACTION_DIGITS),
    fee: t.fee,
    timeMs: t.timestamp,
  };
}

/** A completed ccxt deposit or withdrawal as a record; null for one not completed (pending, failed, cancelled). */
export function readMove(raw: unknown, kind: 'deposit' | 'withdrawal', exchange: string): MoveRecord | null {
  const parsed = moveSchema.safeParse(raw);
  if (!parsed.success)
    throw garbage(
      exchange,
      text('sync', kind === 'deposit' ? 'aDeposit' : 'aWithdrawal'),
      problem(parsed.error),
    );
  const m = parsed.data;
  if (m.status !== 'ok') return null;
  return { id: m.id, currency: m.currency, amount: exact(m.amount), fee: m.fee, timeMs: m.timestamp };
}

/** Balances (ccxt's `total`) as amounts by currency; throws BAD_EXCHANGE_DATA for a negative or absurd one. */
export function readBalances(total: unknown, exchange: string): Map<string, Decimal> {
  const out = new Map<string, Decimal>();
  if (typeof total !== 'object' || total === null)
    throw garbage(exchange, text('sync', 'balances'), text('sync', 'noTotals'));
  for (const [code, value] of Object.entries(total as Record<string, unknown>)) {
    if (value === undefined || value === null || value === 0) continue;
    if (!TICKER_PATTERN.test(code))
      throw garbage(
        exchange,
        text('sync', 'aBalance'),
        text('sync', 'unknownCurrency', { currency: JSON.stringify(code.slice(0, 24)) }),
      );
    const parsed = nonNegative.safeParse(value);
    if (!parsed.success)
      throw garbage(exchange, text('sync', 'theBalance', { currency: code }), problem(parsed.error));
    if (parsed.data > 0) out.set(code, exact(parsed.data));
  }
  return out;
}
