/** Personal access tokens under /api/v1/tokens (A9, lib/api/tokens.ts): listed, created (shown once) and revoked. */
import { tokensApi } from '../../lib/api/tokens';
import type { ApiTokens } from '../auth/api-tokens';
import type { StoredToken } from '../store/api-token-store';
import { signedIn } from './market-routes';
import { route, routeTable } from './router';
import type { Routes } from './router';

const user = (ctx: { auth: Parameters<typeof signedIn>[0] }) => signedIn(ctx.auth).user.id;

/** What the list shows of a token: never the token, never its hash, not whose it is (the caller's). */
const shown = ({ userId: _owner, ...token }: StoredToken) => token;

/** A token cannot make, see or revoke tokens: only its owner's browser session can (A10). */
export function tokenRoutes(tokens: ApiTokens): Routes {
  return routeTable(
    route(tokensApi.list, {
      sessionOnly: true,
      handle: async (ctx) => ({ tokens: (await tokens.list(user(ctx))).map(shown) }),
    }),
    route(tokensApi.create, {
      sessionOnly: true,
      async handle(ctx) {
        const created = await tokens.create(user(ctx), ctx.body);
        return { token: shown(created.stored), secret: created.token };
      },
    }),
    route(tokensApi.revoke, {
      sessionOnly: true,
      async handle(ctx) {
        await tokens.revoke(user(ctx), ctx.params.id);
        return { deleted: ctx.params.id };
      },
    }),
  );
}
