/** The portfolio account routes' contract (docs/protocol.md P8): list, create, read, rename, delete. */
import * as z from 'zod/mini';
import type { AccountKind, AccountSummary, MAX_ACCOUNT_NAME_LENGTH } from '../portfolio/account';
import { defineRoute, epochMs, idParams, literals } from './contract';

/** How an account is kept (lib/portfolio/account.ts, which the browser does not load). */
export const ACCOUNT_KINDS = literals<AccountKind>()(['manual', 'exchange']);

/** Longest account name in characters (lib/portfolio/account.ts, which the browser does not load). */
const MAX_NAME = 60 satisfies typeof MAX_ACCOUNT_NAME_LENGTH;

// Control characters (line breaks, tabs, escapes) make a name that cannot be shown on one line or typed back.
const CONTROL = /\p{Cc}/u;

/** A name as given: trimmed and in Unicode NFC (so "é" typed two ways is one name), 1-60 characters, no controls. */
export const accountName = z
  .pipe(
    z.string({ error: 'expected a name (text)' }),
    z.transform((name: string) => name.trim().normalize('NFC')),
  )
  .check(
    z.refine((name) => name.length > 0, { error: 'must not be empty' }),
    z.refine((name) => [...name].length <= MAX_NAME, { error: `at most ${MAX_NAME} characters` }),
    z.refine((name) => !CONTROL.test(name), {
      error: 'must not contain line breaks, tabs or control characters',
    }),
  );

/** What creating or renaming an account sends. */
export const accountNameBody = z.strictObject({ name: accountName });

/** An account with the number of transactions booked in it (a transfer counts for both). */
export const accountSummary = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(ACCOUNT_KINDS),
    createdAt: epochMs,
    transactions: z.number(),
  })
  .register(z.globalRegistry, { id: 'Account' }) satisfies z.ZodMiniType<AccountSummary>;

const accountAnswer = z.object({ account: accountSummary });

export const accountsApi = {
  list: defineRoute({
    method: 'GET',
    path: '/api/v1/accounts',
    rule: 'P8',
    summary: "The user's portfolio accounts, oldest first",
    access: 'user',
    answer: z.object({ accounts: z.array(accountSummary) }),
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/v1/accounts',
    rule: 'P8',
    summary: 'Creates a manual account; a name in use (any case) or a 51st account is a CONFLICT',
    access: 'user',
    body: accountNameBody,
    status: 201,
    answer: accountAnswer,
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/v1/accounts/:id',
    rule: 'P8',
    summary: 'One account',
    access: 'user',
    params: idParams,
    answer: accountAnswer,
  }),
  rename: defineRoute({
    method: 'PATCH',
    path: '/api/v1/accounts/:id',
    rule: 'P8',
    summary: 'Renames an account',
    access: 'user',
    params: idParams,
    body: accountNameBody,
    answer: accountAnswer,
  }),
  remove: defineRoute({
    method: 'DELETE',
    path: '/api/v1/accounts/:id',
    rule: 'P8',
    summary: 'Deletes an account with every transaction that names it',
    access: 'user',
    params: idParams,
    answer: z.object({ deleted: z.string(), transactions: z.number() }),
  }),
};
