/** The portfolio under /api/v1: transactions (list, add, read, replace, delete) and holdings at live prices. */
import { z } from 'zod';
import { COST_BASIS_METHODS } from '../../lib/portfolio/lots';
import { PORTFOLIO_CURRENCIES } from '../../lib/portfolio/conversion';
import type { Accounts } from '../auth/accounts';
import type { ValueHistoryStore } from '../store/value-history-store';
import { parseTransactionInput } from '../portfolio/portfolio-service';
import { fromCsv, toCsv } from '../portfolio/transactions-csv';
import type { PortfolioService } from '../portfolio/portfolio-service';
import { signedIn } from './market-routes';
import { parse } from './router';
import type { RouteContext, Routes } from './router';

const portfolioQuery = z.strictObject({
  method: z.enum(COST_BASIS_METHODS).default('fifo'),
  quote: z.enum(PORTFOLIO_CURRENCIES).optional(),
});
const settingsBody = z.strictObject({ quoteCurrency: z.enum(PORTFOLIO_CURRENCIES) });

/** A CSV import may be larger than a JSON request: 10,000 rows of ~100 bytes, with room to spare. */
const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

const user = (ctx: RouteContext) => signedIn(ctx.auth).user.id;
const id = (ctx: RouteContext) => ctx.params.id ?? '';

/** Every route works on the signed-in user's own portfolio; no route takes a user id. */
export function portfolioRoutes(
  portfolio: PortfolioService,
  accounts: Accounts,
  history: { store: ValueHistoryStore; intervalMs: number },
  changed: () => void,
): Routes {
  return {
    '/api/v1/portfolio/history': {
      GET: {
        access: 'user',
        handle(ctx) {
          const { quoteCurrency } = accounts.settings(user(ctx));
          const points = history.store.list(user(ctx), quoteCurrency).map((p) => [p.timeMs, p.value]);
          return { currency: quoteCurrency, intervalMs: history.intervalMs, points };
        },
      },
    },
    '/api/v1/settings': {
      GET: { access: 'user', handle: (ctx) => accounts.settings(user(ctx)) },
      PUT: {
        access: 'user',
        handle(ctx) {
          const { quoteCurrency } = parse(settingsBody, ctx.body);
          accounts.setQuoteCurrency(user(ctx), quoteCurrency);
          // Other conversion markets may be needed now.
          changed();
          return accounts.settings(user(ctx));
        },
      },
    },
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
    '/api/v1/transactions.csv': {
      GET: {
        access: 'user',
        handle(ctx) {
          const csv = toCsv(portfolio.list(user(ctx)));
          ctx.res.writeHead(200, {
            'content-type': 'text/csv; charset=utf-8',
            'content-disposition': 'attachment; filename="livefolio-transactions.csv"',
            'content-length': Buffer.byteLength(csv),
            'cache-control': 'no-store',
          });
          ctx.res.end(ctx.req.method === 'HEAD' ? undefined : csv);
          return {};
        },
      },
      POST: {
        access: 'user',
        body: 'csv',
        maxBodyBytes: MAX_IMPORT_BYTES,
        handle(ctx) {
          const rows = fromCsv(String(ctx.body));
          const added = portfolio.add(
            user(ctx),
            rows.map((r) => r.transaction),
            rows.map((r) => `on line ${r.line}`),
          );
          ctx.status = 201;
          return { imported: added.length };
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
          return portfolio.portfolio(user(ctx), method, quote ?? accounts.settings(user(ctx)).quoteCurrency);
        },
      },
    },
  };
}
