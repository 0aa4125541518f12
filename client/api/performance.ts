/** Browser call to the portfolio's performance over a range (GET /api/v1/portfolio/performance, docs/protocol.md P11). */
import type { ValueRange } from '../value-series';
import type { AnswerAt } from './answer-routes';
import { request } from './auth';
import type { ApiResult } from './auth';
import { answerOf } from './contract-answer';

/** The time-weighted return over a range, and what holding BTC or ETH returned meanwhile (fraction strings). */
export type Performance = AnswerAt<'portfolio.performance'>;
/** A benchmark's market and its return since the range's start. */
export type BenchmarkLine = NonNullable<Performance['benchmarks']['BTC']>;
/** What each asset added to the return, and what trades, fees and income did. */
export type ContributionParts = Performance['contributions'];

/** The performance over `range` (the value history's ranges). */
export function fetchPerformance(range: ValueRange, signal?: AbortSignal): Promise<ApiResult<Performance>> {
  return request(
    `/api/v1/portfolio/performance?range=${range}`,
    { signal },
    answerOf('portfolio.performance'),
  );
}
