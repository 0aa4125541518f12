/**
 * The tax report under /api/v1/reports (docs/protocol.md P10): realized gains lot by lot and income, for a
 * calendar year or a range, as JSON or as CSV.
 */
import { reportsApi } from '../../lib/api/reports';
import type { QueryOf } from '../../lib/api/contract';
import { AppError, text } from '../errors';
import type { PortfolioService } from '../portfolio/portfolio-service';
import { gainsCsv, incomeCsv, reportAnswer } from '../portfolio/tax-report-answer';
import type { ReportFrame } from '../portfolio/tax-report-answer';
import { signedIn } from './market-routes';
import { route, routeTable, sendCsv } from './router';
import type { RouteContext, Routes } from './router';

/** The report's parameters, as both routes' contracts parse them. */
type ReportQuery = Omit<QueryOf<typeof reportsApi.taxCsv>, 'part'>;

/** What the query asks for: a year (the current one by default) or [from, to] with `to` taken whole. */
function frameOf(query: ReportQuery, now: number): ReportFrame {
  const { method, longTermDays } = query;
  if (query.year !== undefined && (query.from !== undefined || query.to !== undefined))
    throw new AppError('BAD_REQUEST', text('errors', 'yearOrRange'));
  if (query.from !== undefined || query.to !== undefined) {
    if (query.from === undefined || query.to === undefined)
      throw new AppError(
        'BAD_REQUEST',
        text('errors', 'rangeNeedsBoth', { field: query.from === undefined ? 'from' : 'to' }),
      );
    const from = Date.parse(`${query.from}T00:00:00Z`);
    const to = Date.parse(`${query.to}T00:00:00Z`) + 86_400_000;
    if (to <= from) throw new AppError('BAD_REQUEST', text('errors', 'rangeReversed'));
    return { method, longTermDays, from, to };
  }
  const year = query.year ?? new Date(now).getUTCFullYear();
  return { method, longTermDays, from: Date.UTC(year, 0, 1), to: Date.UTC(year + 1, 0, 1) };
}

const user = (ctx: Pick<RouteContext, 'auth'>) => signedIn(ctx.auth).user.id;

/** The signed-in user's own report; nothing here takes a user id. */
export function reportRoutes(portfolio: Pick<PortfolioService, 'taxReport'>, now = Date.now): Routes {
  const compute = async (ctx: Pick<RouteContext, 'auth'>, query: ReportQuery) => {
    const frame = frameOf(query, now());
    const { report, accountName } = await portfolio.taxReport(user(ctx), frame.method, frame);
    return { frame, report, accountName };
  };
  return routeTable(
    route(reportsApi.tax, {
      async handle(ctx) {
        // Both parts are in the JSON answer; choosing one is for the CSV download.
        if (ctx.query.part !== undefined) throw new AppError('BAD_REQUEST', text('errors', 'partCsvOnly'));
        const { frame, report, accountName } = await compute(ctx, ctx.query);
        return reportAnswer(report, frame, accountName);
      },
    }),
    route(reportsApi.taxCsv, {
      async handle(ctx) {
        const { query } = ctx;
        const { frame, report, accountName } = await compute(ctx, query);
        const csv =
          query.part === 'income'
            ? incomeCsv(report.income, accountName)
            : gainsCsv(report.gains, accountName);
        const span = `${new Date(frame.from).toISOString().slice(0, 10)}_${new Date(frame.to - 1).toISOString().slice(0, 10)}`;
        return sendCsv(ctx, `livefolio-${query.part}-${frame.method}-${span}.csv`, csv);
      },
    }),
  );
}
