/**
 * Exchange connections under /api/v1/connections (docs/protocol.md P9): list, add (the key is tested first),
 * read, sync now, remove. No answer ever holds a key, a secret or a password: only the key's last four characters.
 */
import { connectionsApi } from '../../lib/api/connections';
import type { SyncService } from '../sync/sync-service';
import { signedIn } from './market-routes';
import { headersLocale } from './request-locale';
import { route, routeTable } from './router';
import type { RouteContext, Routes } from './router';

const user = (ctx: RouteContext) => signedIn(ctx.auth).user.id;

/** Every route works on the signed-in user's own connections; another user's id is a missing one (A7). */
export function connectionRoutes(sync: SyncService): Routes {
  return routeTable(
    route(connectionsApi.list, {
      handle: async (ctx) => ({ connections: await sync.list(user(ctx), headersLocale(ctx.req.headers)) }),
    }),
    route(connectionsApi.add, {
      async handle(ctx) {
        const { body } = ctx;
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
        return { connection };
      },
    }),
    route(connectionsApi.get, {
      handle: async (ctx) => ({
        connection: await sync.get(user(ctx), ctx.params.id, headersLocale(ctx.req.headers)),
      }),
    }),
    route(connectionsApi.remove, { handle: (ctx) => sync.remove(user(ctx), ctx.params.id) }),
    route(connectionsApi.sync, {
      handle: async (ctx) => ({
        connection: await sync.syncNow(user(ctx), ctx.params.id, headersLocale(ctx.req.headers)),
      }),
    }),
  );
}
