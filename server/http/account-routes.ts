/** Portfolio accounts under /api/v1/accounts (docs/protocol.md P8): list, create, read, rename, delete. */
import { accountsApi } from '../../lib/api/accounts';
import type { AccountService } from '../portfolio/account-service';
import { noAccount } from '../portfolio/account-fields';
import { signedIn } from './market-routes';
import { route, routeTable } from './router';
import type { RouteContext, Routes } from './router';

const user = (ctx: RouteContext) => signedIn(ctx.auth).user.id;

/** Every route works on the signed-in user's own accounts; another user's account id is a missing one (A7). */
export function accountRoutes(accounts: AccountService): Routes {
  return routeTable(
    route(accountsApi.list, { handle: async (ctx) => ({ accounts: await accounts.list(user(ctx)) }) }),
    route(accountsApi.create, {
      async handle(ctx) {
        return { account: await accounts.create(user(ctx), ctx.body.name) };
      },
    }),
    route(accountsApi.get, {
      async handle(ctx) {
        const account = (await accounts.list(user(ctx))).find((a) => a.id === ctx.params.id);
        if (!account) throw noAccount(ctx.params.id);
        return { account };
      },
    }),
    route(accountsApi.rename, {
      async handle(ctx) {
        return { account: await accounts.rename(user(ctx), ctx.params.id, ctx.body.name) };
      },
    }),
    route(accountsApi.remove, { handle: (ctx) => accounts.remove(user(ctx), ctx.params.id) }),
  );
}
