/**
 * Exchange connections under /api/v1/connections (docs/protocol.md P9): list, add (the key is tested first),
 * read, sync now, remove. No answer ever holds a key, a secret or a password: only the key's last four characters.
 */
import { z } from 'zod';
import { accountNameSchema } from '../../lib/portfolio/account';
import { EXCHANGE_ID_PATTERN } from '../../lib/portfolio/transaction';
import type { SyncService } from '../sync/sync-service';
import { signedIn } from './market-routes';
import { headersLocale } from './request-locale';
import { parse } from './router';
import type { RouteContext, Routes } from './router';

// Keys are printable and one line; a secret may be a PEM private key (Coinbase), so it may span lines.
const KEY = /^[\x21-\x7e]+$/;
const SECRET = /^[\x20-\x7e\r\n]+$/;

const credential = (what: string, max: number, pattern: RegExp) =>
  z
    .string({ error: `expected the ${what} (text)` })
    .transform((text) => text.trim())
    .refine((text) => text.length > 0, { error: 'must not be empty' })
    .refine((text) => text.length <= max, { error: `at most ${max} characters` })
    .refine((text) => pattern.test(text), {
      error: 'holds a character no exchange key has (check the paste)',
    });

const newConnection = z.strictObject({
  exchange: z
    .string({ error: 'expected a ccxt exchange id like "binance"' })
    .regex(EXCHANGE_ID_PATTERN, { error: 'expected a ccxt exchange id like "binance" (lowercase, ≤ 40)' }),
  name: accountNameSchema,
  apiKey: credential('API key', 512, KEY),
  secret: credential('API secret', 4096, SECRET),
  password: credential('passphrase', 512, KEY).optional(),
});

const user = (ctx: RouteContext) => signedIn(ctx.auth).user.id;
const id = (ctx: RouteContext) => ctx.params.id ?? '';

/** Every route works on the signed-in user's own connections; another user's id is a missing one (A7). */
export function connectionRoutes(sync: SyncService): Routes {
  return {
    '/api/v1/connections': {
      GET: {
        access: 'user',
        handle: async (ctx) => ({ connections: await sync.list(user(ctx), headersLocale(ctx.req.headers)) }),
      },
      POST: {
        access: 'user',
        async handle(ctx) {
          const body = parse(newConnection, ctx.body);
          const connection = await sync.add(
            user(ctx),
            {
              exchange: body.exchange,
              name: body.name,
              credentials: {
                apiKey: body.apiKey,
                secret: body.secret,
                ...(body.password === undefined ? {} : { password: body.password }),
              },
            },
            headersLocale(ctx.req.headers),
          );
          ctx.status = 201;
          return { connection };
        },
      },
    },
    '/api/v1/connections/:id': {
      GET: {
        access: 'user',
        handle: async (ctx) => ({
          connection: await sync.get(user(ctx), id(ctx), headersLocale(ctx.req.headers)),
        }),
      },
      DELETE: { access: 'user', handle: (ctx) => sync.remove(user(ctx), id(ctx)) },
    },
    '/api/v1/connections/:id/sync': {
      POST: {
        access: 'user',
        async handle(ctx) {
          const connection = await sync.syncNow(user(ctx), id(ctx), headersLocale(ctx.req.headers));
          ctx.status = 202;
          return { connection };
        },
      },
    },
  };
}
