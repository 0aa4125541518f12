/** Portfolio accounts under /api/v1/accounts (docs/protocol.md P8): list, create, read, rename, delete. */
import { z } from 'zod';
import { accountNameSchema } from '../../lib/portfolio/account';
import type { AccountService } from '../portfolio/account-service';
import { noAccount } from '../portfolio/account-fields';
import { signedIn } from './market-routes';
import { parse } from './router';
import type { RouteContext, Routes } from './router';

const nameBody = z.strictObject({ name: accountNameSchema });

const user = (ctx: RouteContext) => signedIn(ctx.auth).user.id;
const id = (ctx: RouteContext) => ctx.params.id ?? '';

/** Every route works on the signed-in user's own accounts; another user's account id is a missing one (A7). */
export function accountRoutes(accounts: AccountService): Routes {
  return {
    '/api/v1/accounts': {
      GET: { access: 'user', handle: async (ctx) => ({ accounts: await accounts.list(user(ctx)) }) },
      POST: {
        access: 'user',
        async handle(ctx) {
          const { name } = parse(nameBody, ctx.body);
          const account = await accounts.create(user(ctx), name);
          ctx.status = 201;
          return { account };
        },
      },
    },
    '/api/v1/accounts/:id': {
      GET: {
        access: 'user',
        async handle(ctx) {
          const account = (await accounts.list(user(ctx))).find((a) => a.id === id(ctx));
          if (!account) throw noAccount(id(ctx));
          return { account };
        },
      },
      PATCH: {
        access: 'user',
        async handle(ctx) {
          const { name } = parse(nameBody, ctx.body);
          return { account: await accounts.rename(user(ctx), id(ctx), name) };
        },
      },
      DELETE: { access: 'user', handle: (ctx) => accounts.remove(user(ctx), id(ctx)) },
    },
  };
}
