/** The portfolio under /api/v1: transactions (list, add, read, replace, delete, CSV) and holdings at live prices. */
import { portfolioApi } from '../../lib/api/portfolio';
import { transactionsApi } from '../../lib/api/transactions';
import type { Accounts } from '../auth/accounts';
import type { ValueHistoryStore } from '../store/value-history-store';
import { parseTransactionInput } from '../portfolio/portfolio-service';
import { fromRows, toCsv } from '../portfolio/transactions-csv';
import type { ExchangeImport } from '../import/exchange-import';
import { readImportFile } from '../import/file-format';
import type { CsvFile, ExchangeFormat } from '../import/file-format';
import type { AccountService } from '../portfolio/account-service';
import type { PortfolioService } from '../portfolio/portfolio-service';
import { statusIn } from '../portfolio/value-backfill';
import type { ValueBackfill } from '../portfolio/value-backfill';
import { withIncomePrice } from '../portfolio/income-price';
import type { PastPrices } from '../portfolio/past-prices';
import { inLanguage } from '../portfolio/performance-answer';
import type { PerformanceAnswer, PerformanceRange } from '../portfolio/performance-answer';
import { signedIn } from './market-routes';
import { headersLocale } from './request-locale';
import { route, routeTable, sendCsv } from './router';
import type { RouteContext, Routes } from './router';

/** A CSV import may be larger than a JSON request: 10,000 rows of ~100 bytes, with room to spare. */
const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

const user = (ctx: RouteContext) => signedIn(ctx.auth).user.id;

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
  return routeTable(
    route(portfolioApi.history, {
      async handle(ctx) {
        const { quoteCurrency } = await accounts.settings(user(ctx));
        const points = (await history.store.history(user(ctx), quoteCurrency)).map((p): [number, string] => [
          p.timeMs,
          p.value,
        ]);
        const backfill = statusIn(history.backfill.status(user(ctx)), headersLocale(ctx.req.headers));
        return { currency: quoteCurrency, intervalMs: history.intervalMs, points, backfill };
      },
    }),
    route(portfolioApi.performance, {
      async handle(ctx) {
        const { range } = ctx.query;
        const { quoteCurrency } = await accounts.settings(user(ctx));
        const answer = await performance(user(ctx), quoteCurrency, range);
        return inLanguage(answer, headersLocale(ctx.req.headers));
      },
    }),
    route(portfolioApi.settings, { handle: (ctx) => settings(user(ctx)) }),
    route(portfolioApi.changeSettings, {
      async handle(ctx) {
        const { quoteCurrency, pricing } = ctx.body;
        // Checked (and refused) first, so a refused request changes neither setting.
        if (pricing) await portfolio.setPricingChoices(user(ctx), pricing);
        if (quoteCurrency) {
          await accounts.setQuoteCurrency(user(ctx), quoteCurrency);
          // Other conversion markets may be needed now, and the past values in the new currency.
          changed(user(ctx));
        }
        return settings(user(ctx));
      },
    }),
    route(transactionsApi.list, {
      async handle(ctx) {
        const { account } = ctx.query;
        return { transactions: await portfolio.list(user(ctx), account === undefined ? {} : { account }) };
      },
    }),
    route(transactionsApi.add, {
      async handle(ctx) {
        const [transaction] = await portfolio.add(user(ctx), [await input(ctx.body)]);
        if (!transaction) throw new Error('adding a transaction stored none');
        return { transaction };
      },
    }),
    route(transactionsApi.exportCsv, {
      async handle(ctx) {
        const names = new Map((await portfolioAccounts.list(user(ctx))).map((a) => [a.id, a.name]));
        const csv = toCsv(await portfolio.list(user(ctx)), (id) => names.get(id) ?? id);
        return sendCsv(ctx, 'livefolio-transactions.csv', csv);
      },
    }),
    route(transactionsApi.importCsv, {
      maxBodyBytes: MAX_IMPORT_BYTES,
      async handle(ctx) {
        const { account, format } = ctx.query;
        const file = readImportFile(ctx.body, format);
        if (file.format !== 'livefolio')
          return imports.import(
            user(ctx),
            file as CsvFile & { format: ExchangeFormat },
            account,
            headersLocale(ctx.req.headers),
          );
        const added = await portfolio.importRows(user(ctx), fromRows(file.header, file.rows), account);
        return { format: 'livefolio' as const, imported: added.length, skipped: 0, ignored: 0, warnings: [] };
      },
    }),
    route(transactionsApi.get, {
      handle: async (ctx) => ({ transaction: await portfolio.get(user(ctx), ctx.params.id) }),
    }),
    route(transactionsApi.replace, {
      handle: async (ctx) => ({
        transaction: await portfolio.update(user(ctx), ctx.params.id, await input(ctx.body)),
      }),
    }),
    route(transactionsApi.remove, {
      async handle(ctx) {
        await portfolio.remove(user(ctx), ctx.params.id);
        return { deleted: ctx.params.id };
      },
    }),
    route(portfolioApi.holdings, {
      async handle(ctx) {
        const { method, quote, account } = ctx.query;
        const currency = quote ?? (await accounts.settings(user(ctx))).quoteCurrency;
        return portfolio.portfolio(user(ctx), method, currency, account);
      },
    }),
  );
}
