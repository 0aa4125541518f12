/**
 * An exchange's records as portfolio transactions (docs/protocol.md P9), for a sync and for an import of the
 * exchange's own files (P4) alike. The portfolio quotes each asset in one currency, so everything is quoted in the
 * account's home currency (e.g. USDT) and both sides of a trade are booked: buying BTC with USDT is a buy of BTC
 * and a sale of the USDT paid (cash, worth 1 each); a trade between two other currencies (ETH/BTC) is valued at
 * the home currency's price of that minute. A fee paid in a third currency (BNB) is a disposal of that fee. Income
 * is valued at its minute's price. Every transaction carries the exchange's own id.
 */
import { Decimal, MAX_FRACTION_DIGITS, ZERO, formatDecimal } from '../../lib/portfolio/decimal';
import type { SyncedTransaction } from '../../lib/portfolio/transaction';
import { ENGLISH, text, wordText } from '../errors';
import type { ErrorText } from '../errors';
import type { IncomeRecord, MoveRecord, TradeRecord } from './records';

/** The price of one unit of `asset` in the home currency at `timeMs`, or null when no market tells. */
export type PriceAt = (asset: string, timeMs: number) => Promise<Decimal | null>;

/** Where the records are booked, and how values are found. */
export interface BookingContext {
  account: string;
  /** The ccxt id, stored on each transaction so the portfolio prices its assets there first. */
  exchange: string;
  /** How the exchange is named in notes. */
  exchangeName: string;
  home: string;
  priceAt: PriceAt;
}

/** One record of any kind, as a sync reads it or an import parses it. */
export type BookableRecord =
  | { kind: 'trade'; record: TradeRecord }
  | { kind: 'deposit' | 'withdrawal'; record: MoveRecord }
  | { kind: 'income'; record: IncomeRecord };

/**
 * Why a record cannot be booked, naming it: no price to value it, or a fee as large as the trade. The sync and
 * the import each say it their way (a failed sync, a refused line), in the reader's language from `text`;
 * `message` is the English wording.
 */
export class BookingError extends Error {
  override readonly name = 'BookingError';
  constructor(
    readonly reason: 'no-price' | 'fee-too-large',
    readonly text: ErrorText,
  ) {
    super(wordText(text, ENGLISH));
  }
}

const ONE = new Decimal(1);
const at = (timeMs: number) => new Date(timeMs).toISOString();
const exact = (value: Decimal) => formatDecimal(value.toDecimalPlaces(MAX_FRACTION_DIGITS));

function leg(
  ctx: BookingContext,
  fields: {
    externalId: string;
    type: SyncedTransaction['type'];
    asset: string;
    quantity: Decimal;
    price: Decimal;
    fee?: { amount: Decimal; currency: string } | null;
    timeMs: number;
    note: string;
    costUnknown?: boolean;
  },
): SyncedTransaction {
  const fee = fields.fee ?? null;
  return {
    type: fields.type,
    asset: fields.asset,
    quantity: exact(fields.quantity),
    price: exact(fields.price),
    quoteCurrency: ctx.home,
    fee: fee ? exact(fee.amount) : '0',
    feeCurrency: fee ? fee.currency : ctx.home,
    time: new Date(fields.timeMs).toISOString(),
    timeMs: fields.timeMs,
    exchange: ctx.exchange,
    note: fields.note,
    account: ctx.account,
    externalId: fields.externalId,
    ...(fields.costUnknown ? { costUnknown: true as const } : {}),
  };
}

/** The home-currency value of one unit of each side of a trade, from its own price where one side is home. */
async function tradeValues(t: TradeRecord, ctx: BookingContext): Promise<{ base: Decimal; quote: Decimal }> {
  if (t.quote === ctx.home) return { base: t.price, quote: ONE };
  if (t.base === ctx.home) return { base: ONE, quote: ONE.div(t.price) };
  const quote = await ctx.priceAt(t.quote, t.timeMs);
  if (quote) return { base: t.price.times(quote), quote };
  const base = await ctx.priceAt(t.base, t.timeMs);
  if (base) return { base, quote: base.div(t.price) };
  throw new BookingError(
    'no-price',
    text('sync', 'noTradePrice', {
      base: t.base,
      quote: t.quote,
      home: ctx.home,
      time: at(t.timeMs),
      exchange: ctx.exchangeName,
      id: t.id,
      symbol: t.symbol,
    }),
  );
}

/** One trade as its two sides, and a disposal of its fee when paid in a third currency. */
async function bookTrade(t: TradeRecord, ctx: BookingContext): Promise<SyncedTransaction[]> {
  const values = await tradeValues(t, ctx);
  const id = `trade:${t.symbol}:${t.id}`;
  const buying = t.side === 'buy';
  const fee = t.fee;
  // A fee in the quote currency enters the base side's cost or proceeds (P1) and moves the quote side with it.
  const quoteFee = fee && fee.currency === t.quote ? fee.amount : ZERO;
  const quoteMoved = buying ? t.cost.plus(quoteFee) : t.cost.minus(quoteFee);
  if (quoteMoved.lte(0))
    throw new BookingError(
      'fee-too-large',
      text('sync', 'feeAsLargeAsTrade', { exchange: ctx.exchangeName, id: t.id, symbol: t.symbol }),
    );
  const what = `${ctx.exchangeName} ${t.symbol} trade ${t.id}`;
  const out = [
    leg(ctx, {
      externalId: id,
      type: buying ? 'buy' : 'sell',
      asset: t.base,
      quantity: t.amount,
      price: values.base,
      // In the base: fewer coins received or more given; in the quote: cost or proceeds; else shown, unbooked.
      fee,
      timeMs: t.timeMs,
      note: `${what}: ${t.side} ${exact(t.amount)} ${t.base} at ${exact(t.price)} ${t.quote}`,
    }),
    leg(ctx, {
      externalId: `${id}:quote`,
      type: buying ? 'sell' : 'buy',
      asset: t.quote,
      quantity: quoteMoved,
      price: values.quote,
      timeMs: t.timeMs,
      note: `${what}: ${buying ? 'paid for' : 'received for'} ${exact(t.amount)} ${t.base}`,
    }),
  ];
  if (fee && fee.currency !== t.base && fee.currency !== t.quote)
    out.push(await feeDisposal(fee, `${id}:fee`, t.timeMs, `${what}: fee`, ctx));
  return out;
}

/** A fee paid in a third currency leaves the account: a sale at its value then, or, unvalued, a withdrawal. */
async function feeDisposal(
  fee: { amount: Decimal; currency: string },
  externalId: string,
  timeMs: number,
  note: string,
  ctx: BookingContext,
): Promise<SyncedTransaction> {
  const value = fee.currency === ctx.home ? ONE : await ctx.priceAt(fee.currency, timeMs);
  return leg(ctx, {
    externalId,
    type: value ? 'sell' : 'withdrawal',
    asset: fee.currency,
    quantity: fee.amount,
    price: value ?? ZERO,
    timeMs,
    note: value ? note : `${note} (no ${fee.currency} price known: booked as leaving, nothing realized)`,
  });
}

/**
 * A deposit or withdrawal. A deposit's cost is the market value when it arrived, as a trade would have paid;
 * without a market it is flagged as of unknown cost. A withdrawal's fee in the coin leaves with it.
 */
async function bookMove(m: MoveRecord, kind: 'deposit' | 'withdrawal', ctx: BookingContext) {
  const value = m.currency === ctx.home ? ONE : await ctx.priceAt(m.currency, m.timeMs);
  const fee = m.fee && m.fee.currency === m.currency ? m.fee : null;
  const out = [
    leg(ctx, {
      externalId: `${kind}:${m.id}`,
      type: kind,
      asset: m.currency,
      quantity: m.amount,
      price: value ?? ZERO,
      fee,
      timeMs: m.timeMs,
      note: `${ctx.exchangeName} ${kind} ${m.id}${value ? '' : ' (no price known: cost unknown)'}`,
      costUnknown: kind === 'deposit' && !value,
    }),
  ];
  if (m.fee && !fee)
    out.push(
      await feeDisposal(
        m.fee,
        `${kind}:${m.id}:fee`,
        m.timeMs,
        `${ctx.exchangeName} ${kind} ${m.id}: fee`,
        ctx,
      ),
    );
  return out;
}

/**
 * Income (P1): coins that arrive valued at their minute's price, both the income and their cost basis; a fee in
 * the same coin is taken from what arrived. Without a price it cannot be booked (P1 refuses it too).
 */
async function bookIncome(r: IncomeRecord, ctx: BookingContext): Promise<SyncedTransaction[]> {
  const value = r.currency === ctx.home ? ONE : await ctx.priceAt(r.currency, r.timeMs);
  if (!value)
    throw new BookingError(
      'no-price',
      text('sync', 'noIncomePrice', {
        currency: r.currency,
        home: ctx.home,
        time: at(r.timeMs),
        exchange: ctx.exchangeName,
        type: r.type,
        id: r.id,
      }),
    );
  const fee = r.fee && r.fee.currency === r.currency ? r.fee : null;
  return [
    leg(ctx, {
      externalId: `${r.type}:${r.id}`,
      type: r.type,
      asset: r.currency,
      quantity: r.amount,
      price: value,
      fee,
      timeMs: r.timeMs,
      note: `${ctx.exchangeName} ${r.type} ${r.id}${r.description ? `: ${r.description}` : ''}`,
    }),
  ];
}

/** One record as its transactions; throws BookingError when it cannot be valued or cannot be right. */
export function bookRecord(r: BookableRecord, ctx: BookingContext): Promise<SyncedTransaction[]> {
  switch (r.kind) {
    case 'trade':
      return bookTrade(r.record, ctx);
    case 'income':
      return bookIncome(r.record, ctx);
    default:
      return bookMove(r.record, r.kind, ctx);
  }
}

// Within one moment: what arrives (deposits, income) before the trades, withdrawals after, so that what a moment
// brings in is there when the same moment takes it out.
const ORDER = { deposit: 0, income: 0, trade: 1, withdrawal: 2 } as const;

/** Records oldest first, and within one moment in ORDER; the sort is stable, so a file's order stays otherwise. */
export function inBookingOrder<T extends BookableRecord>(records: readonly T[]): T[] {
  return [...records].sort((a, b) => a.record.timeMs - b.record.timeMs || ORDER[a.kind] - ORDER[b.kind]);
}

/** Books a sync's records in booking order. */
export async function bookRecords(
  records: {
    trades: readonly TradeRecord[];
    deposits: readonly MoveRecord[];
    withdrawals: readonly MoveRecord[];
    income: readonly IncomeRecord[];
  },
  ctx: BookingContext,
): Promise<SyncedTransaction[]> {
  const all: BookableRecord[] = [
    ...records.deposits.map((record) => ({ kind: 'deposit' as const, record })),
    ...records.income.map((record) => ({ kind: 'income' as const, record })),
    ...records.trades.map((record) => ({ kind: 'trade' as const, record })),
    ...records.withdrawals.map((record) => ({ kind: 'withdrawal' as const, record })),
  ];
  const out: SyncedTransaction[] = [];
  for (const r of inBookingOrder(all)) out.push(...(await bookRecord(r, ctx)));
  return out;
}
