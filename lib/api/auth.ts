/** The account routes' contract (docs/protocol.md A2–A6): sign-in, sign-out, first-run setup, users. */
import * as z from 'zod/mini';
import { defineRoute } from './contract';

/** An account as the API shows it. */
export const accountUser = z
  .object({ id: z.number(), username: z.string(), isAdmin: z.boolean() })
  .register(z.globalRegistry, { id: 'User' });

const userAnswer = z.object({ user: accountUser });

/** What a sign-in sends (the sign-in page's form sends the same fields). */
export const signInBody = z.strictObject({
  username: z.string().check(z.minLength(1, 'give a username'), z.maxLength(200)),
  password: z.string().check(z.minLength(1, 'give a password'), z.maxLength(1000)),
});

/** A new account's username and password (A5). */
export const newAccountBody = z.strictObject({
  username: z
    .string()
    .check(
      z.regex(/^[A-Za-z0-9._-]{1,40}$/, 'a username is 1 to 40 letters, digits, dots, dashes or underscores'),
    ),
  password: z
    .string()
    .check(
      z.minLength(8, 'a password has at least 8 characters'),
      z.maxLength(200, 'a password has at most 200 characters'),
    ),
});

export const newUserBody = z.strictObject({
  ...newAccountBody.shape,
  isAdmin: z._default(z.boolean(), false),
});

export const authApi = {
  session: defineRoute({
    method: 'GET',
    path: '/api/v1/auth/session',
    rule: 'A5',
    summary: 'The signed-in account (or null) and whether first-run setup is still open',
    access: 'public',
    answer: z.object({ user: z.nullable(accountUser), setupRequired: z.boolean() }),
  }),
  setup: defineRoute({
    method: 'POST',
    path: '/api/v1/auth/setup',
    rule: 'A5',
    summary: 'Creates the first (admin) account and signs it in, while no account exists',
    access: 'public',
    body: newAccountBody,
    status: 201,
    answer: userAnswer,
  }),
  login: defineRoute({
    method: 'POST',
    path: '/api/v1/auth/login',
    rule: 'A2',
    summary: 'Signs in and sets the session cookie',
    access: 'public',
    body: signInBody,
    answer: userAnswer,
  }),
  logout: defineRoute({
    method: 'POST',
    path: '/api/v1/auth/logout',
    rule: 'A4',
    summary: "Ends this browser's session and clears its cookie",
    access: 'public',
    body: z.object({}),
    answer: z.object({ signedOut: z.boolean() }),
  }),
  users: defineRoute({
    method: 'GET',
    path: '/api/v1/users',
    rule: 'A6',
    summary: 'Every account (admins only)',
    access: 'admin',
    answer: z.object({ users: z.array(accountUser) }),
  }),
  createUser: defineRoute({
    method: 'POST',
    path: '/api/v1/users',
    rule: 'A6',
    summary: 'Creates an account (admins only); a taken username is a CONFLICT',
    access: 'admin',
    body: newUserBody,
    status: 201,
    answer: userAnswer,
  }),
};
