/**
 * What travels between a cluster's feed leader and the other instances through Redis, and its validation: each
 * instance parses what it reads, as it would anything from outside the process.
 */
import { z } from 'zod';
import type { FeedStatus, StreamId, Ticker } from '../../lib/protocol';
import type { MarketInfo } from '../feeds/types';

const price = z.number().finite().nullable();

const tickerSchema = z.strictObject({
  last: price,
  bid: price,
  ask: price,
  high: price,
  low: price,
  open: price,
  percentage: price,
  baseVolume: price,
  quoteVolume: price,
  timestamp: z.number().finite(),
  receivedAt: z.number().finite(),
  stale: z.boolean(),
}) satisfies z.ZodType<Ticker>;

const statusSchema = z.strictObject({
  exchange: z.string(),
  state: z.enum(['connecting', 'live', 'stale', 'down']),
  simulated: z.boolean(),
  mode: z.enum(['watchTickers', 'watchTicker', 'poll']).nullable(),
  lastTickAt: z.number().nullable(),
  reconnects: z.number().int().nonnegative(),
  invalidTicks: z.number().int().nonnegative(),
  lastError: z.strictObject({ message: z.string(), at: z.number() }).nullable(),
  markets: z.number().int().nonnegative(),
  streams: z.record(
    z.string(),
    z.strictObject({
      state: z.enum(['live', 'stale', 'quiet', 'unpriced']),
      reason: z.string().nullable(),
      since: z.number(),
      via: z.enum(['stream', 'poll']),
    }),
  ),
}) satisfies z.ZodType<FeedStatus>;

const marketSchema = z.strictObject({
  symbol: z.string().min(1),
  base: z.string(),
  quote: z.string(),
  active: z.boolean(),
  priceDecimals: z.number().int().nullable(),
  amountDecimals: z.number().int().nullable(),
}) satisfies z.ZodType<MarketInfo>;

const streamSchema = z
  .string()
  .regex(/^[^:\s]+:\S+$/)
  .transform((s) => s as StreamId);

/** An entry of the leader's stream, as its fields arrive from Redis (all strings). */
const leaderFields = z.discriminatedUnion('k', [
  z.object({
    k: z.literal('tick'),
    l: z.string(),
    n: z.coerce.number().int(),
    s: streamSchema,
    v: z.string(),
  }),
  z.object({ k: z.literal('status'), l: z.string(), n: z.coerce.number().int(), v: z.string() }),
  z.object({ k: z.literal('resync'), l: z.string(), n: z.coerce.number().int() }),
]);

const controlFields = z.discriminatedUnion('k', [
  z.object({ k: z.literal('demand'), i: z.string().min(1), v: z.string() }),
  z.object({ k: z.literal('ask'), i: z.string().min(1) }),
]);

/** What the leader publishes, in order, each numbered within its term (`leader`, `seq`). */
export type LeaderEntry =
  | { kind: 'tick'; stream: StreamId; ticker: Ticker }
  | { kind: 'status'; statuses: FeedStatus[] }
  /** The leader rewrote its whole state (a new term, or Redis lost it): read it again. */
  | { kind: 'resync' };

/** What any instance says to the leader. */
export type ControlEntry =
  | { kind: 'demand'; instance: string; streams: StreamId[] }
  /** A new leader asks every instance for its demand. */
  | { kind: 'ask'; instance: string };

export interface Numbered {
  leader: string;
  seq: number;
  entry: LeaderEntry;
}

const json = <T>(schema: z.ZodType<T>, text: string): T => schema.parse(JSON.parse(text));

export const parseTicker = (text: string): Ticker => json(tickerSchema, text);
export const parseStatuses = (text: string): FeedStatus[] => json(z.array(statusSchema), text);
export const parseMarkets = (text: string): MarketInfo[] => json(z.array(marketSchema), text);

/** A leader entry from its Redis fields; throws (zod or JSON) on anything malformed. */
export function parseLeaderEntry(fields: Record<string, string>): Numbered {
  const f = leaderFields.parse(fields);
  const entry: LeaderEntry =
    f.k === 'tick'
      ? { kind: 'tick', stream: f.s, ticker: parseTicker(f.v) }
      : f.k === 'status'
        ? { kind: 'status', statuses: parseStatuses(f.v) }
        : { kind: 'resync' };
  return { leader: f.l, seq: f.n, entry };
}

/** The Redis fields of a leader entry. */
export function leaderFieldsOf({ leader, seq, entry }: Numbered): Record<string, string> {
  const head = { l: leader, n: String(seq) };
  switch (entry.kind) {
    case 'tick':
      return { k: 'tick', ...head, s: entry.stream, v: JSON.stringify(entry.ticker) };
    case 'status':
      return { k: 'status', ...head, v: JSON.stringify(entry.statuses) };
    case 'resync':
      return { k: 'resync', ...head };
  }
}

/** A control entry from its Redis fields; throws on anything malformed. */
export function parseControlEntry(fields: Record<string, string>): ControlEntry {
  const f = controlFields.parse(fields);
  if (f.k === 'ask') return { kind: 'ask', instance: f.i };
  return { kind: 'demand', instance: f.i, streams: json(z.array(streamSchema), f.v) };
}

/** The Redis fields of a control entry. */
export function controlFieldsOf(entry: ControlEntry): Record<string, string> {
  return entry.kind === 'ask'
    ? { k: 'ask', i: entry.instance }
    : { k: 'demand', i: entry.instance, v: JSON.stringify(entry.streams) };
}
