/**
 * The tax report under /api/v1/reports (docs/protocol.md P10): realized gains lot by lot and income, for a
 * calendar year or a range, as JSON or as CSV.
 */
import { z } from 'zod';
import { COST_BASIS_METHODS } from '../../lib/portfolio/lots';
import { DEFAULT_LONG_TERM_DAYS } from '../../lib/portfolio/tax-report';
import { AppError, text } from '../errors';
import type { PortfolioService } from '../portfolio/portfolio-service';
import { gainsCsv, incomeCsv, reportAnswer } from '../portfolio/tax-report-answer';
import type { ReportFrame } from '../portfolio/tax-report-answer';
import { signedIn } from './market-routes';
import { parse, sendCsv } from './router';
import type { RouteContext, Routes } from './router';

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const day = z
  .string()
  .regex(DAY_PATTERN, { error: 'expected a date like 2025-01-31' })
  .refine(
    (d) =>
      !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    {
      error: 'is not a date in the calendar',
    },
  );

const reportQuery = z.strictObject({
  method: z.enum(COST_BASIS_METHODS).default('fifo'),
  year: z.coerce.number().int().min(1970).max(2200).optional(),
  from: day.optional(),
  to: day.optional(),
  longTermDays: z.coerce.number().int().min(0).max(3650).default(DEFAULT_LONG_TERM_DAYS),
  part: z.enum(['gains', 'income']).default('gains'),
});

/** What the query asks for: a year (the current one by default) or [from, to] with `to` taken whole. */
function frameOf(query: z.infer<typeof reportQuery>, now: number): ReportFrame {
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

const user = (ctx: RouteContext) => signedIn(ctx.auth).user.id;

/** The signed-in user's own report; nothing here takes a user id. */
export function reportRoutes(portfolio: Pick<PortfolioService, 'taxReport'>, now = Date.now): Routes {
  const compute = async (ctx: RouteContext) => {
    const query = parse(reportQuery, ctx.query);
    const frame = frameOf(query, now());
    const { report, accountName } = await portfolio.taxReport(user(ctx), frame.method, frame);
    return { query, frame, report, accountName };
  };
  return {
    '/api/v1/reports/tax': {
      GET: {
        access: 'user',
        async handle(ctx) {
          // Both parts are in the JSON answer; choosing one is for the CSV download.
          if (ctx.query.part !== undefined) throw new AppError('BAD_REQUEST', text('errors', 'partCsvOnly'));
          const { frame, report, accountName } = await compute(ctx);
          return reportAnswer(report, frame, accountName);
        },
      },
    },
    '/api/v1/reports/tax.csv': {
      GET: {
        access: 'user',
        async handle(ctx) {
          const { query, frame, report, accountName } = await compute(ctx);
          const csv =
            query.part === 'income'
              ? incomeCsv(report.income, accountName)
              : gainsCsv(report.gains, accountName);
          const span = `${new Date(frame.from).toISOString().slice(0, 10)}_${new Date(frame.to - 1).toISOString().slice(0, 10)}`;
          return sendCsv(ctx, `livefolio-${query.part}-${frame.method}-${span}.csv`, csv);
        },
      },
    },
  };
}
