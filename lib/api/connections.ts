/** The exchange connection routes' contract (docs/protocol.md P9): list, add, read, sync now, remove. */
import * as z from 'zod/mini';
import { CONNECTION_ERROR_CODES } from '../portfolio/connection';
import type { ConnectionSummary } from '../portfolio/connection';
import { accountName } from './accounts';
import { defineRoute, deletedAnswer, EXCHANGE_ID_PATTERN, epochMs, idParams } from './contract';

// Keys are printable and one line; a secret may be a PEM private key (Coinbase), so it may span lines.
const KEY = /^[\x21-\x7e]+$/;
const SECRET = /^[\x20-\x7e\r\n]+$/;

const credential = (what: string, max: number, pattern: RegExp) =>
  z
    .pipe(
      z.string({ error: `expected the ${what} (text)` }),
      z.transform((text: string) => text.trim()),
    )
    .check(
      z.refine((text) => text.length > 0, { error: 'must not be empty' }),
      z.refine((text) => text.length <= max, { error: `at most ${max} characters` }),
      z.refine((text) => pattern.test(text), {
        error: 'holds a character no exchange key has (check the paste)',
      }),
    );

/** What connecting an exchange sends: the key, secret and passphrase go to the server once, never back. */
export const newConnectionBody = z.strictObject({
  exchange: z
    .string({ error: 'expected a ccxt exchange id like "binance"' })
    .check(
      z.regex(EXCHANGE_ID_PATTERN, { error: 'expected a ccxt exchange id like "binance" (lowercase, ≤ 40)' }),
    ),
  name: accountName,
  apiKey: credential('API key', 512, KEY),
  secret: credential('API secret', 4096, SECRET),
  /** The key's passphrase, on exchanges that give one (KuCoin, OKX, Coinbase Exchange). */
  password: z.optional(credential('passphrase', 512, KEY)),
});

const count = z.int().check(z.minimum(0));

/** A connection as the API shows it: never a key, a secret or a password, only the key's last four characters. */
export const connectionSummary = z
  .object({
    id: z.string(),
    account: z.object({ id: z.string(), name: z.string() }),
    exchange: z.string(),
    keyHint: z.string(),
    permissions: z.object({
      read: z.nullable(z.boolean()),
      trade: z.nullable(z.boolean()),
      withdraw: z.nullable(z.boolean()),
    }),
    warnings: z.array(z.string()),
    state: z.enum(['never', 'syncing', 'ok', 'error']),
    progress: z.nullable(
      z.object({
        step: z.enum([
          'balances',
          'markets',
          'trades',
          'deposits',
          'withdrawals',
          'income',
          'prices',
          'saving',
        ]),
        done: count,
        total: count,
      }),
    ),
    lastSyncAt: z.nullable(epochMs),
    lastSuccessAt: z.nullable(epochMs),
    nextSyncAt: z.nullable(epochMs),
    lastError: z.nullable(
      z.object({ code: z.enum(CONNECTION_ERROR_CODES), message: z.string(), at: epochMs }),
    ),
    lastResult: z.nullable(z.object({ added: count, adjustments: count, at: epochMs })),
    createdAt: epochMs,
  })
  .register(z.globalRegistry, { id: 'Connection' }) satisfies z.ZodMiniType<ConnectionSummary>;

const connectionAnswer = z.object({ connection: connectionSummary });

export const connectionsApi = {
  list: defineRoute({
    method: 'GET',
    path: '/api/v1/connections',
    rule: 'P9',
    summary: "The user's exchange connections, oldest first",
    access: 'user',
    answer: z.object({ connections: z.array(connectionSummary) }),
  }),
  add: defineRoute({
    method: 'POST',
    path: '/api/v1/connections',
    rule: 'P9',
    summary: 'Tests a key, then creates the exchange account and its connection and starts the first sync',
    access: 'user',
    body: newConnectionBody,
    status: 201,
    answer: connectionAnswer,
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/v1/connections/:id',
    rule: 'P9',
    summary: "One connection as it is now, a running sync's progress included",
    access: 'user',
    params: idParams,
    answer: connectionAnswer,
  }),
  remove: defineRoute({
    method: 'DELETE',
    path: '/api/v1/connections/:id',
    rule: 'P9',
    summary: 'Removes the connection and its stored key; its account stays as a manual one',
    access: 'user',
    params: idParams,
    answer: deletedAnswer,
  }),
  sync: defineRoute({
    method: 'POST',
    path: '/api/v1/connections/:id/sync',
    rule: 'P9',
    summary: 'Starts a sync unless one runs (the answer then shows the running one)',
    access: 'user',
    params: idParams,
    body: z.object({}),
    status: 202,
    answer: connectionAnswer,
  }),
};
