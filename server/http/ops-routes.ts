/**
 * /healthz, /readyz and /metrics: for load balancers, orchestrators and Prometheus. They need no session (a probe
 * has none) and are not rate limited per address (probes come from one address, often); /metrics can require a
 * bearer token (METRICS_TOKEN).
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Registry } from 'prom-client';
import type { FeedStatus } from '../../lib/protocol';

export interface OpsDeps {
  /** Why the server should not get traffic now; empty when it is ready. */
  notReady(): Promise<string[]>;
  metrics: Registry;
  metricsToken: string | undefined;
}

const json = (res: ServerResponse, status: number, body: object) => {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
};

function bearerMatches(req: IncomingMessage, token: string): boolean {
  const given = Buffer.from(req.headers.authorization ?? '');
  const wanted = Buffer.from(`Bearer ${token}`);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

/** Answers the three paths (GET or HEAD only); returns false for every other request. */
export function createOpsHandler(deps: OpsDeps): (req: IncomingMessage, res: ServerResponse) => boolean {
  const paths = new Set(['/healthz', '/readyz', '/metrics']);
  return (req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (!paths.has(path)) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      json(res, 405, { error: { code: 'METHOD_NOT_ALLOWED', message: `${path} answers GET, HEAD.` } });
      return true;
    }
    if (path === '/healthz') {
      json(res, 200, { status: 'ok' });
      return true;
    }
    if (path === '/readyz') {
      deps.notReady().then(
        (reasons) =>
          json(
            res,
            reasons.length === 0 ? 200 : 503,
            reasons.length === 0 ? { status: 'ready' } : { status: 'not-ready', reasons },
          ),
        () => json(res, 503, { status: 'not-ready', reasons: ['the readiness check failed'] }),
      );
      return true;
    }
    if (deps.metricsToken !== undefined && !bearerMatches(req, deps.metricsToken)) {
      res.setHeader('WWW-Authenticate', 'Bearer');
      json(res, 401, {
        error: { code: 'UNAUTHORIZED', message: 'Give the METRICS_TOKEN as a bearer token.' },
      });
      return true;
    }
    deps.metrics.metrics().then(
      (text) => {
        res.writeHead(200, { 'content-type': deps.metrics.contentType, 'cache-control': 'no-store' });
        res.end(req.method === 'HEAD' ? undefined : text);
      },
      () => json(res, 500, { error: { code: 'INTERNAL', message: 'The metrics could not be collected.' } }),
    );
    return true;
  };
}

/** What readiness depends on: whether a shutdown began, whether the database answers, the feeds' health. */
export interface ReadinessDeps {
  shuttingDown(): boolean;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<unknown>;
  feeds(): FeedStatus[];
}

/** Why the server should not get traffic: a shutdown has begun, the database does not answer, no feed is live. */
export async function notReadyReasons(deps: ReadinessDeps): Promise<string[]> {
  if (deps.shuttingDown()) return ['shutting down'];
  const reasons: string[] = [];
  try {
    await deps.ping();
  } catch {
    reasons.push('the database does not answer');
  }
  const statuses = deps.feeds();
  if (!statuses.some((f) => f.state === 'live')) {
    const states = statuses.map(
      (f) => `${f.exchange} ${f.state}${f.lastError ? ` (${f.lastError.message})` : ''}`,
    );
    reasons.push(`no exchange feed is live: ${states.join(', ')}`);
  }
  return reasons;
}
