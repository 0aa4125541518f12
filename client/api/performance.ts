/** Browser call to the portfolio's performance over a range (GET /api/v1/portfolio/performance, docs/protocol.md P11). */
import type { ValueRange } from '../value-series';
import { request } from './auth';
import type { ApiResult } from './auth';
import { isRecord } from './json-shape';

/** A benchmark's market and its return since the range's start (decimal fraction strings). */
export interface BenchmarkLine {
  stream: string;
  points: Array<[number, string]>;
}

/** What each asset added to the return, and what trades, fees and income did (fractions). */
export interface ContributionParts {
  step: string;
  assets: Array<{ asset: string; contribution: string }>;
  total: string | null;
  other: string | null;
}

/** The time-weighted return over a range, and what holding BTC or ETH returned meanwhile. */
export interface Performance {
  currency: string;
  twr: string | null;
  points: Array<[number, string, string | null]>;
  benchmarks: { BTC: BenchmarkLine | null; ETH: BenchmarkLine | null };
  contributions: ContributionParts;
  notes: string[];
}

const isFraction = (v: unknown) => typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v);

function readBenchmark(value: unknown): BenchmarkLine | null | undefined {
  if (value === null) return null;
  if (!isRecord(value) || typeof value.stream !== 'string' || !Array.isArray(value.points)) return undefined;
  const ok = value.points.every((p) => Array.isArray(p) && typeof p[0] === 'number' && isFraction(p[1]));
  return ok ? (value as unknown as BenchmarkLine) : undefined;
}

function isContributions(value: unknown): value is ContributionParts {
  if (!isRecord(value) || typeof value.step !== 'string' || !Array.isArray(value.assets)) return false;
  const okAssets = value.assets.every(
    (a) => isRecord(a) && typeof a.asset === 'string' && isFraction(a.contribution),
  );
  return (
    okAssets &&
    (value.total === null || isFraction(value.total)) &&
    (value.other === null || isFraction(value.other))
  );
}

function readPerformance(body: unknown): Performance | null {
  if (!isRecord(body) || typeof body.currency !== 'string' || !Array.isArray(body.points)) return null;
  if (!(body.twr === null || isFraction(body.twr))) return null;
  if (!Array.isArray(body.notes) || !body.notes.every((n) => typeof n === 'string')) return null;
  const okPoints = body.points.every(
    (p) =>
      Array.isArray(p) &&
      typeof p[0] === 'number' &&
      typeof p[1] === 'string' &&
      (p[2] === null || isFraction(p[2])),
  );
  if (!okPoints || !isRecord(body.benchmarks) || !isContributions(body.contributions)) return null;
  const BTC = readBenchmark(body.benchmarks.BTC);
  const ETH = readBenchmark(body.benchmarks.ETH);
  if (BTC === undefined || ETH === undefined) return null;
  return { ...(body as unknown as Performance), benchmarks: { BTC, ETH } };
}

/** The performance over `range` (the value history's ranges). */
export function fetchPerformance(range: ValueRange, signal?: AbortSignal): Promise<ApiResult<Performance>> {
  return request(`/api/v1/portfolio/performance?range=${range}`, { signal }, readPerformance);
}
