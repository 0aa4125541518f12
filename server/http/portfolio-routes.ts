/** The portfolio under /api/v1: transactions (list, add, read, replace, delete, CSV) and holdings at live prices. */
import { z } from 'zod';
import { COST_BASIS_METHODS } from '../../lib/portfolio/lots';
import { PORTFOLIO_CURRENCIES } from '../../lib/portfolio/conversion';
import { EXCHANGE_ID_PATTERN, MAX_ID_LENGTH, TICKER_PATTERN } from '../../lib/portfolio/transaction';
import type { Accounts } from '../auth/accounts';
import type { ValueHistoryStore } from '../store/value-history-store';
import { parseTransactionInput } from '../portfolio/portfolio-service';
import { fromRows, toCsv } from '../portfolio/transactions-csv';
import type { ExchangeImport } from '../import/exchange-import';
import { FILE_FORMATS, readImportFile } from '../import/file-format';
import type { CsvFile, ExchangeFormat } from '../import/file-format';
import type { AccountService } from '../portfolio/account-service';
import type { PortfolioService } from '../portfolio/portfolio-service';
import { statusIn } from '../portfolio/value-backfill';
import type { ValueBackfill } from '../portfolio/value-backfill';
import { withIncomePrice } from '../portfolio/income-price';
import type { PastPrices } from '../portfolio/past-prices';
import { inLanguage, PERFORMANCE_RANGES } from '../portfolio/performance-answer';
import type { PerformanceAnswer, PerformanceRange } from '../portfolio/performance-answer';
import { signedIn } from './market-routes';
import { headersLocale } from './request-locale';
import { parse, sendCsv } from './router';
import type { RouteContext, Routes } from './router';

const accountId = z.string().min(1, 'must not be empty').max(MAX_ID_LENGTH);
const portfolioQuery = z.strictObject({
  method: z.enum(COST_BASIS_METHODS).default('fifo'),
  quote: z.enum(PORTFOLIO_CURRENCIES).optional(),
  account: accountId.optional(),
});
const transactionsQuery = z.strictObject({ account: accountId.optional() });
const importQuery = z.strictObject({
  account: accountId.optional(),
  format: z.enum(['auto', ...FILE_FORMATS]).default('auto'),
});
const MAX_PRICING_CHOICES = 500;
const settingsBody = z
  .strictObject({
    quoteCurrency: z.enum(PORTFOLIO_CURRENCIES).optional(),
    // Asset → exchange id to price it on, or null to go back to the default order.
    pricing: z
      .record(z.string().regex(TICKER_PATTERN), z.string().regex(EXCHANGE_ID_PATTERN).nullable())
      .refine((r) => Object.keys(r).length <= MAX_PRICING_CHOICES, {
        message: `at most ${MAX_PRICING_CHOICES} assets at once`,
      })
      .optional(),
  })
  .refine((b) => b.quoteCurrency !== undefined || b.pricing !== undefined, {
    message: 'give quoteCurrency, pricing or both',
  });

/** A CSV import may be larger than a JSON request: 10,000 rows of ~100 bytes, with room to spare. */
const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

const user = (ctx: RouteContext) => signedIn(ctx.auth).user.id;
const id = (ctx: RouteContext) => ctx.params.id ?? '';

const performanceQuery = z.strictObject({
  range: z
    .enum(PERFORMANCE_RANGES, { error: `range must be one of ${PERFORMANCE_RANGES.join(', ')}` })
    .default('1M'),
});

/** Every route works on the signed-in user's own portfolio; no route takes a user id. */
export function portfolioRoutes(
  portfolio: PortfolioService,
  portfolioAccounts: Pick<AccountService, 'list'>,
  accounts: Accounts,
  history: { store: ValueHistoryStore; intervalMs: number; backfill: Pick<ValueBackfill, 'status'> },
  changed: (userId: number) => void,
  prices: PastPrices,
  imports: Pick<ExchangeImport, 'import'>,
  performance: (userId: number, currency: string, range: PerformanceRange) => Promise<PerformanceAnswer>,
): Routes {
  // Income may come without a price: the market's of that minute is filled in before the checks (P1).
  const input = async (body: unknown) => parseTransactionInput(await withIncomePrice(body, prices));
  const settings = async (userId: number) => ({
    ...(await accounts.settings(userId)),
    pricing: await portfolio.pricingChoices(userId),
  });
  return {
    '/api/v1/portfolio/history': {
      GET: {
        access: 'user',
        async handle(ctx) {
          const { quoteCurrency } = await accounts.settings(user(ctx));
          const points = (await history.store.history(user(ctx), quoteCurrency)).map((p) => [
            p.timeMs,
            p.value,
          ]);
          const backfill = statusIn(history.backfill.status(user(ctx)), headersLocale(ctx.req.headers));
          return { currency: quoteCurrency, intervalMs: history.intervalMs, points, backfill };
        },
      },
    },
    '/api/v1/portfolio/performance': {
      GET: {
        access: 'user',
        async handle(ctx) {
          const { range } = parse(performanceQuery, ctx.query);
          const { quoteCurrency } = await accounts.settings(user(ctx));
          const answer = await performance(user(ctx), quoteCurrency, range);
          return inLanguage(answer, headersLocale(ctx.req.headers));
        },
      },
    },
    '/api/v1/settings': {
      GET: { access: 'user', handle: (ctx) => settings(user(ctx)) },
      PUT: {
        access: 'user',
        async handle(ctx) {
          const { quoteCurrency, pricing } = parse(settingsBody, ctx.body);
          // Checked (and refused) first, so a refused request changes neither setting.
          if (pricing) await portfolio.setPricingChoices(user(ctx), pricing);
          if (quoteCurrency) {
            await accounts.setQuoteCurrency(user(ctx), quoteCurrency);
            // Other conversion markets may be needed now, and the past values in the new currency.
            changed(user(ctx));
          }
          return settings(user(ctx));
        },
      },
    },
    '/api/v1/transactions': {
      GET: {
        access: 'user',
        async handle(ctx) {
          const { account } = parse(transactionsQuery, ctx.query);
          return { transactions: await portfolio.list(user(ctx), account === undefined ? {} : { account }) };
        },
      },
      POST: {
        access: 'user',
        async handle(ctx) {
          const [transaction] = await portfolio.add(user(ctx), [await input(ctx.body)]);
          ctx.status = 201;
          return { transaction };
        },
      },
    },
    '/api/v1/transactions.csv': {
      GET: {
        access: 'user',
        async handle(ctx) {
          const names = new Map((await portfolioAccounts.list(user(ctx))).map((a) => [a.id, a.name]));
          const csv = toCsv(await portfolio.list(user(ctx)), (id) => names.get(id) ?? id);
          return sendCsv(ctx, 'livefolio-transactions.csv', csv);
        },
      },
      POST: {
        access: 'user',
        body: 'csv',
        maxBodyBytes: MAX_IMPORT_BYTES,
        async handle(ctx) {
          const { account, format } = parse(importQuery, ctx.query);
          const file = readImportFile(String(ctx.body), format);
          ctx.status = 201;
          if (file.format !== 'livefolio')
            return imports.import(
              user(ctx),
              file as CsvFile & { format: ExchangeFormat },
              account,
              headersLocale(ctx.req.headers),
            );
          const added = await portfolio.importRows(user(ctx), fromRows(file.header, file.rows), account);
          return { format: 'livefolio', imported: added.length, skipped: 0, ignored: 0, warnings: [] };
        },
      },
    },
    '/api/v1/transactions/:id': {
      GET: {
        access: 'user',
        handle: async (ctx) => ({ transaction: await portfolio.get(user(ctx), id(ctx)) }),
      },
      PUT: {
        access: 'user',
        handle: async (ctx) => ({
          transaction: await portfolio.update(user(ctx), id(ctx), await input(ctx.body)),
        }),
      },
      DELETE: {
        access: 'user',
        async handle(ctx) {
          await portfolio.remove(user(ctx), id(ctx));
          return { deleted: id(ctx) };
        },
      },
    },
    '/api/v1/portfolio': {
      GET: {
        access: 'user',
        async handle(ctx) {
          const { method, quote, account } = parse(portfolioQuery, ctx.query);
          const currency = quote ?? (await accounts.settings(user(ctx))).quoteCurrency;
          return portfolio.portfolio(user(ctx), method, currency, account);
        },
      },
    },
  };
}
