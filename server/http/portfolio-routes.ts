/** The portfolio under /api/v1: transactions (list, add, read, replace, delete) and holdings at live prices. */
import { z } from 'zod';
import { COST_BASIS_METHODS } from '../../lib/portfolio/lots';
import { TICKER_PATTERN } from '../../lib/portfolio/transaction';
import { parseTransactionInput } from '../portfolio/portfolio-service';
import type { PortfolioService } from '../portfolio/portfolio-service';
import { signedIn } from './market-routes';
import { parse } from './router';
import type { RouteContext, Routes } from './router';

const portfolioQuery = z.strictObject({
  method: z.enum(COST_BASIS_METHODS).default('fifo'),
  quote: z.string().regex(TICKER_PATTERN, 'expected an upper-case currency like USDT').default('USDT'),
});

const user = (ctx: RouteContext) => signedIn(ctx.auth).user.id;
const id = (ctx: RouteContext) => ctx.params.id ?? '';

/** Every route works on the signed-in user's own portfolio; no route takes a user id. */
export function portfolioRoutes(portfolio: PortfolioService): Routes {
  return {
    '/api/v1/transactions': {
      GET: { access: 'user', handle: (ctx) => ({ transactions: portfolio.list(user(ctx)) }) },
      POST: {
        access: 'user',
        handle(ctx) {
          const [transaction] = portfolio.add(user(ctx), [parseTransactionInput(ctx.body)]);
          ctx.status = 201;
          return { transaction };
        },
      },
    },
    '/api/v1/transactions/:id': {
      GET: { access: 'user', handle: (ctx) => ({ transaction: portfolio.get(user(ctx), id(ctx)) }) },
      PUT: {
        access: 'user',
        handle: (ctx) => ({
          transaction: portfolio.update(user(ctx), id(ctx), parseTransactionInput(ctx.body)),
        }),
      },
      DELETE: {
        access: 'user',
        handle(ctx) {
          portfolio.remove(user(ctx), id(ctx));
          return { deleted: id(ctx) };
        },
      },
    },
    '/api/v1/portfolio': {
      GET: {
        access: 'user',
        handle(ctx) {
          const { method, quote } = parse(portfolioQuery, ctx.query);
          return portfolio.portfolio(user(ctx), method, quote);
        },
      },
    },
  };
}
