/** The portfolio routes' contract (docs/protocol.md P3, P5, P6, P11): holdings, settings, value history, performance. */
import * as z from 'zod/mini';
import { PORTFOLIO_CURRENCIES } from '../portfolio/conversion-path';
import { COST_BASIS_METHODS } from '../portfolio/report-options';
import {
  accountIdParam,
  decimalString,
  defineRoute,
  epochMs,
  EXCHANGE_ID_PATTERN,
  streamIdString,
  TICKER_PATTERN,
} from './contract';
import { ACCOUNT_KINDS } from './accounts';

/** The ranges of the value history and of the performance. */
export const PERFORMANCE_RANGES = ['1D', '1W', '1M', '1Y', 'ALL'] as const;

/** P3: the cost-basis method, the currency (default: the user's own) and one account, or all. */
export const holdingsQuery = z.strictObject({
  method: z._default(z.enum(COST_BASIS_METHODS), 'fifo'),
  quote: z.optional(z.enum(PORTFOLIO_CURRENCIES)),
  account: z.optional(accountIdParam),
});

const MAX_PRICING_CHOICES = 500;

/** P5: the currency, the exchange to price each asset on (null: back to the default order), or both. */
export const settingsBody = z
  .strictObject({
    quoteCurrency: z.optional(z.enum(PORTFOLIO_CURRENCIES)),
    pricing: z.optional(
      z
        .record(
          z.string().check(z.regex(TICKER_PATTERN)),
          z.nullable(z.string().check(z.regex(EXCHANGE_ID_PATTERN))),
        )
        .check(
          z.refine((r) => Object.keys(r).length <= MAX_PRICING_CHOICES, {
            message: `at most ${MAX_PRICING_CHOICES} assets at once`,
          }),
        ),
    ),
  })
  .check(
    z.refine((b) => b.quoteCurrency !== undefined || b.pricing !== undefined, {
      message: 'give quoteCurrency, pricing or both',
    }),
  );

/** P11: the range, 1M unless asked otherwise. */
export const performanceQuery = z.strictObject({
  range: z._default(
    z.enum(PERFORMANCE_RANGES, { error: `range must be one of ${PERFORMANCE_RANGES.join(', ')}` }),
    '1M',
  ),
});

/** Sums over the valued holdings. */
const totals = z.object({
  marketValue: decimalString,
  costBasis: decimalString,
  unrealizedPnl: decimalString,
  realizedPnl: decimalString,
});

/** A holding the server could not value, and why. */
export const unpricedHolding = z.object({
  asset: z.string(),
  quoteCurrency: z.string(),
  reason: z.enum(['no-price', 'invalid-price', 'other-quote-currency', 'no-conversion', 'no-rate']),
  quantity: decimalString,
  costBasis: decimalString,
  realizedPnl: decimalString,
  /** Some of it came from an adjustment of unknown cost (P9). */
  costUnknown: z.optional(z.boolean()),
});

/** How a price was converted into the portfolio's currency, through which markets. */
const conversion = z.object({
  from: z.string(),
  to: z.string(),
  /** Units of `to` per unit of `from`. */
  rate: decimalString,
  legs: z.array(z.object({ stream: streamIdString, inverse: z.boolean() })),
});

/** One valued holding. */
export const portfolioAsset = z.object({
  asset: z.string(),
  quantity: decimalString,
  /** Null for a closed position. */
  price: z.nullable(decimalString),
  priceSource: z.nullable(
    z.object({ stream: streamIdString, price: decimalString, receivedAt: epochMs, stale: z.boolean() }),
  ),
  /** The configured exchanges that list the asset's market, in the default order. */
  venues: z.array(z.string()),
  conversion: z.nullable(conversion),
  ...totals.shape,
  allocation: decimalString,
  costUnknown: z.optional(z.boolean()),
});

/** One holding of one account. */
const accountAsset = z.object({
  asset: z.string(),
  quantity: decimalString,
  ...totals.shape,
  allocation: decimalString,
  costUnknown: z.optional(z.boolean()),
});

/** One portfolio account's totals and holdings. */
const accountHoldings = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(ACCOUNT_KINDS),
  complete: z.boolean(),
  totals,
  assets: z.array(accountAsset),
  unpriced: z.array(unpricedHolding),
});

/** The holdings at live prices: in total and per account, or one account's. */
export const portfolioAnswer = z
  .object({
    method: z.enum(COST_BASIS_METHODS),
    quoteCurrency: z.string(),
    complete: z.boolean(),
    totals,
    assets: z.array(portfolioAsset),
    unpriced: z.array(unpricedHolding),
    accounts: z.array(accountHoldings),
  })
  .register(z.globalRegistry, { id: 'Portfolio' });

/** The currency the user values the portfolio in, and the exchange chosen to price each asset. */
export const settingsAnswer = z
  .object({ quoteCurrency: z.string(), pricing: z.record(z.string(), z.string()) })
  .register(z.globalRegistry, { id: 'Settings' });

/** [time in ms, value as a decimal string]. */
const valuePoint = z.tuple([epochMs, decimalString]);

export const valueHistoryAnswer = z.object({
  currency: z.string(),
  intervalMs: z.number(),
  /** The backfilled daily values, then the values recorded every `intervalMs`, oldest first. */
  points: z.array(valuePoint),
  backfill: z.object({
    state: z.enum(['none', 'pending', 'running', 'done', 'failed']),
    /** Days valued by the last backfill. */
    days: z.number(),
    /** Why some or all past days could not be valued; null when all were. */
    message: z.nullable(z.string()),
  }),
});

/** A return as a decimal fraction ("0.05" is 5 %). */
const fraction = z.string().check(z.regex(/^-?\d+(\.\d+)?$/));

const benchmark = z.nullable(
  z.object({ stream: streamIdString, points: z.array(z.tuple([epochMs, fraction])) }),
);

export const performanceAnswer = z.object({
  currency: z.string(),
  range: z.enum(PERFORMANCE_RANGES),
  from: z.nullable(epochMs),
  to: z.nullable(epochMs),
  /** The time-weighted return over the range; null when it cannot be computed. */
  twr: z.nullable(fraction),
  /** [time, value, return since the range's start]. */
  points: z.array(z.tuple([epochMs, decimalString, z.nullable(fraction)])),
  benchmarks: z.object({ BTC: benchmark, ETH: benchmark }),
  contributions: z.object({
    step: z.string(),
    assets: z.array(z.object({ asset: z.string(), contribution: fraction })),
    total: z.nullable(fraction),
    other: z.nullable(fraction),
  }),
  notes: z.array(z.string()),
});

export const portfolioApi = {
  holdings: defineRoute({
    method: 'GET',
    path: '/api/v1/portfolio',
    rule: 'P3',
    summary: 'Holdings under a cost-basis method at the latest prices: all, or one account',
    access: 'user',
    query: holdingsQuery,
    answer: portfolioAnswer,
  }),
  history: defineRoute({
    method: 'GET',
    path: '/api/v1/portfolio/history',
    rule: 'P6',
    summary: "The portfolio's recorded and backfilled values in the user's currency",
    access: 'user',
    answer: valueHistoryAnswer,
  }),
  performance: defineRoute({
    method: 'GET',
    path: '/api/v1/portfolio/performance',
    rule: 'P11',
    summary: 'The time-weighted return over a range, with BTC and ETH as benchmarks',
    access: 'user',
    query: performanceQuery,
    answer: performanceAnswer,
  }),
  settings: defineRoute({
    method: 'GET',
    path: '/api/v1/settings',
    rule: 'P5',
    summary: "The user's currency and pricing choices",
    access: 'user',
    answer: settingsAnswer,
  }),
  changeSettings: defineRoute({
    method: 'PUT',
    path: '/api/v1/settings',
    rule: 'P5',
    summary: 'Changes the currency, the pricing choices or both; a refused request changes neither',
    access: 'user',
    body: settingsBody,
    answer: settingsAnswer,
  }),
};
