/**
 * One quote currency per asset (docs/protocol.md P2): a sync or an import values everything in its home currency,
 * but an asset the portfolio already quotes in another currency is booked in that one instead, its price and fee
 * converted at the rate of their minute (P9, docs/imports.md). So a USD file or a USD exchange joins a portfolio
 * kept in USDT rather than being refused.
 */
import { Decimal, MAX_FRACTION_DIGITS, formatDecimal } from '../../lib/portfolio/decimal';
import type { SyncedTransaction, Transaction } from '../../lib/portfolio/transaction';
import { ENGLISH, text, wordText } from '../errors';
import type { ErrorText } from '../errors';

/** No rate is known to move a leg into the portfolio's quote currency; `message` is the English of `text`. */
export class RequoteError extends Error {
  readonly text?: ErrorText;

  constructor(message: string | ErrorText) {
    super(typeof message === 'string' ? message : wordText(message, ENGLISH));
    if (typeof message !== 'string') this.text = message;
  }
}

/** A record no rate can requote, and why: by its catalog key (a message written as text stays as written). */
export interface RequoteFailure<B> {
  booked: B;
  problem: string | ErrorText;
}

/** The price of one unit of `from` in `to` at `timeMs`, or null when no market tells. */
export type RateAt = (from: string, to: string, timeMs: number) => Promise<Decimal | null>;

/** Each asset's quote currency in the portfolio (P2 keeps it one per asset). */
export function portfolioQuotes(transactions: readonly Transaction[]): Map<string, string> {
  return new Map(transactions.map((t) => [t.asset, t.quoteCurrency]));
}

const exact = (value: Decimal) => formatDecimal(value.toDecimalPlaces(MAX_FRACTION_DIGITS));
const at = (timeMs: number) => new Date(timeMs).toISOString();

/**
 * The leg as the portfolio quotes its asset: unchanged when it already is, else priced in that currency at the
 * minute's rate (cash quoted in itself is worth exactly 1); a fee in the leg's old quote currency moves with it.
 * Throws a sentence naming what is missing when no rate is known.
 */
export async function requoted(
  leg: SyncedTransaction,
  quotes: ReadonlyMap<string, string>,
  rateAt: RateAt,
): Promise<SyncedTransaction> {
  const target = quotes.get(leg.asset);
  const from = leg.quoteCurrency;
  if (target === undefined || target === from) return leg;
  const rate = await rateAt(from, target, leg.timeMs);
  if (!rate)
    throw new RequoteError(text('sync', 'noRate', { asset: leg.asset, target, from, time: at(leg.timeMs) }));
  const price = leg.asset === target ? '1' : exact(new Decimal(leg.price).times(rate));
  const feeMoves = leg.feeCurrency === from;
  return {
    ...leg,
    price,
    quoteCurrency: target,
    ...(feeMoves ? { fee: exact(new Decimal(leg.fee).times(rate)), feeCurrency: target } : {}),
  };
}

/**
 * Every leg of each booked record requoted. Each record whose legs cannot be is named by `label` in `problems`
 * (in English), and is in `failures` with its problem by key, for a refusal in the reader's language.
 */
export async function requoteAll<B extends { legs: SyncedTransaction[] }>(
  booked: readonly B[],
  quotes: ReadonlyMap<string, string>,
  rateAt: RateAt,
  label: (b: B) => string,
): Promise<{ booked: B[]; problems: string[]; failures: RequoteFailure<B>[] }> {
  const out: B[] = [];
  const failures: RequoteFailure<B>[] = [];
  for (const b of booked) {
    try {
      const legs: SyncedTransaction[] = [];
      for (const leg of b.legs) legs.push(await requoted(leg, quotes, rateAt));
      out.push({ ...b, legs });
    } catch (error) {
      if (!(error instanceof RequoteError)) throw error;
      failures.push({ booked: b, problem: error.text ?? error.message });
    }
  }
  const problems = failures.map(
    ({ booked: b, problem }) =>
      `${label(b)}: ${typeof problem === 'string' ? problem : wordText(problem, ENGLISH)}`,
  );
  return { booked: out, problems, failures };
}
