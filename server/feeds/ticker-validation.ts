/** Parses an untrusted ccxt ticker into PriceFields, or says in a few words why it was dropped. */
import { z } from 'zod';
import type { PriceFields } from './types';

/** No listed market trades above this; anything higher is a parsing accident (1e308, a glued-together string). */
export const PRICE_CEILING = 1e12;
/** 24h volumes above this are accidents too; meme coins trade ~1e14 units a day. */
export const VOLUME_CEILING = 1e20;
/** A 24h change above +1,000,000 % is an accident, not a listing pump. */
export const PERCENTAGE_CEILING = 1e6;
/** Exchange clocks run ahead of ours by seconds, not minutes. */
export const MAX_FUTURE_SKEW_MS = 5 * 60_000;
/** A ticker older than a day is a replayed or cached value, not a price. */
export const MAX_AGE_MS = 24 * 60 * 60_000;

/** Extra checks on the exchange's raw message (`ticker.info`), for what ccxt hides. */
export interface ValidateTickerOptions {
  /**
   * Keys of `info` that must be numbers or numeric strings when present. ccxt's safe accessors turn a
   * wrong-typed field (an object, an array, a boolean) into undefined, and then even derive `last` from
   * open + change: the unified ticker looks fine and only the raw message shows the junk.
   */
  numericInfoKeys?: readonly string[];
}

/** The result of validateTicker: the fields, or a short reason naming the offending field. */
export type TickerValidation = { ok: true; fields: PriceFields } | { ok: false; reason: string };

function describe(input: unknown): string {
  if (typeof input === 'string') {
    const shown = input.length > 16 ? `${input.slice(0, 16)}…` : input;
    return `string ${JSON.stringify(shown)}`;
  }
  if (typeof input === 'number') return String(input);
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  return typeof input;
}

/** A zod error callback: the rule broken and the value that broke it. */
function broke(rule: string) {
  return (issue: { input?: unknown }) => `${rule} (got ${describe(issue.input)})`;
}

/**
 * A number field ccxt may leave undefined or null (both become null when the fields are built); NaN and
 * ±Infinity are rejected. No zod transform: on the per-tick path one costs more than the whole object check.
 */
function nullableNumber(build: (n: z.ZodNumber) => z.ZodNumber) {
  return build(z.number({ error: broke('not a finite number') })).nullish();
}

const price = nullableNumber((n) =>
  n
    .positive({ error: broke('must be > 0') })
    .lt(PRICE_CEILING, { error: broke(`must be < ${PRICE_CEILING}`) }),
);
const volume = nullableNumber((n) =>
  n
    .nonnegative({ error: broke('must be >= 0') })
    .lt(VOLUME_CEILING, { error: broke(`must be < ${VOLUME_CEILING}`) }),
);
const percentage = nullableNumber((n) =>
  n
    .gt(-100, { error: broke('must be > -100') })
    .lt(PERCENTAGE_CEILING, { error: broke(`must be < ${PERCENTAGE_CEILING}`) }),
);
const timestamp = nullableNumber((n) => n.int({ error: broke('not an integer (ms)') }));

const NUMERIC_STRING = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

const numericInfoValue = z.union(
  [z.number(), z.string().regex(NUMERIC_STRING, { error: broke('not numeric') }), z.null(), z.undefined()],
  {
    error: broke('not numeric'),
  },
);

const tickerSchema = z.object(
  {
    symbol: z.string({ error: broke('not a string') }).min(1, { error: 'empty' }),
    last: price,
    bid: price,
    ask: price,
    high: price,
    low: price,
    open: price,
    percentage,
    baseVolume: volume,
    quoteVolume: volume,
    timestamp,
  },
  { error: broke('not an object') },
);

type Parsed = z.output<typeof tickerSchema>;
type Nulled = { [K in keyof Parsed]-?: Exclude<Parsed[K], undefined> | null };

/** ccxt leaves absent fields undefined or null: both are null from here on. */
function withNulls(t: Parsed): Nulled {
  return {
    symbol: t.symbol,
    last: t.last ?? null,
    bid: t.bid ?? null,
    ask: t.ask ?? null,
    high: t.high ?? null,
    low: t.low ?? null,
    open: t.open ?? null,
    percentage: t.percentage ?? null,
    baseVolume: t.baseVolume ?? null,
    quoteVolume: t.quoteVolume ?? null,
    timestamp: t.timestamp ?? null,
  };
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  const field = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return `${field}${issue?.message ?? 'invalid'}`;
}

/**
 * Validates one ticker as ccxt returned it. ccxt passes absurd numbers through unchanged (-5, 1e308),
 * may hand over strings or NaN, and turns wrong-typed raw fields into undefined (see numericInfoKeys),
 * so nothing here trusts its shape. `now` stands in for a missing timestamp.
 */
export function validateTicker(
  raw: unknown,
  now: number,
  options: ValidateTickerOptions = {},
): TickerValidation {
  const parsed = tickerSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: firstIssue(parsed.error) };
  const t = withNulls(parsed.data);
  const info = (raw as { info?: unknown }).info;
  if (options.numericInfoKeys !== undefined && typeof info === 'object' && info !== null) {
    for (const key of options.numericInfoKeys) {
      const checked = numericInfoValue.safeParse((info as Record<string, unknown>)[key]);
      if (!checked.success)
        return { ok: false, reason: `info.${key}: ${checked.error.issues[0]?.message ?? 'not numeric'}` };
    }
  }
  if (t.last === null && t.bid === null && t.ask === null) {
    return { ok: false, reason: 'no price: last, bid and ask all absent' };
  }
  if (t.bid !== null && t.ask !== null && t.bid > t.ask) {
    return { ok: false, reason: `bid ${t.bid} above ask ${t.ask}` };
  }
  if (t.timestamp !== null) {
    if (t.timestamp > now + MAX_FUTURE_SKEW_MS) {
      return { ok: false, reason: `timestamp: ${t.timestamp - now} ms in the future` };
    }
    if (t.timestamp < now - MAX_AGE_MS) {
      return { ok: false, reason: `timestamp: ${now - t.timestamp} ms old` };
    }
  }
  return {
    ok: true,
    fields: {
      last: t.last,
      bid: t.bid,
      ask: t.ask,
      high: t.high,
      low: t.low,
      open: t.open,
      percentage: t.percentage,
      baseVolume: t.baseVolume,
      quoteVolume: t.quoteVolume,
      timestamp: t.timestamp ?? now,
    },
  };
}
