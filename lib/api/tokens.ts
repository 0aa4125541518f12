/** The personal access token routes' contract (docs/protocol.md A9): list, create and revoke the user's tokens. */
import * as z from 'zod/mini';
import { defineRoute, deletedAnswer, epochMs, idParams } from './contract';

export const TOKEN_SCOPES = ['read', 'read-write'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export const MAX_TOKEN_NAME_LENGTH = 60;
/** The longest lifetime a token may be given, in days; without one it lasts until revoked. */
export const MAX_TOKEN_DAYS = 366;

/** A token as its owner's list shows it: never the token itself. */
export const apiToken = z
  .object({
    id: z.string(),
    name: z.string(),
    scope: z.enum(TOKEN_SCOPES),
    /** The token's last four characters. */
    hint: z.string(),
    createdAt: epochMs,
    /** null: until revoked. */
    expiresAt: z.nullable(epochMs),
    /** To the minute; null until first used. */
    lastUsedAt: z.nullable(epochMs),
  })
  .register(z.globalRegistry, { id: 'ApiToken' });

export const newTokenBody = z.strictObject({
  name: z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(MAX_TOKEN_NAME_LENGTH)),
  scope: z.enum(TOKEN_SCOPES),
  // Absent or null: the token lasts until it is revoked.
  expiresInDays: z._default(z.nullable(z.int().check(z.minimum(1), z.maximum(MAX_TOKEN_DAYS))), null),
});

export type NewToken = z.output<typeof newTokenBody>;

export const tokensApi = {
  list: defineRoute({
    method: 'GET',
    path: '/api/v1/tokens',
    rule: 'A9',
    summary: "The user's personal access tokens, oldest first, expired ones included (browser session only)",
    access: 'user',
    answer: z.object({ tokens: z.array(apiToken) }),
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/v1/tokens',
    rule: 'A9',
    summary: 'Creates a token; `secret`, the token itself, is in this answer only (browser session only)',
    access: 'user',
    body: newTokenBody,
    status: 201,
    answer: z.object({ token: apiToken, secret: z.string() }),
  }),
  revoke: defineRoute({
    method: 'DELETE',
    path: '/api/v1/tokens/:id',
    rule: 'A9',
    summary:
      'Revokes a token: refused from the next request on, its connections closed (browser session only)',
    access: 'user',
    params: idParams,
    answer: deletedAnswer,
  }),
};
