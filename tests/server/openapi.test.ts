import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Validator } from '@seriousme/openapi-schema-validator';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import packageJson from '../../package.json';
import { API_ROUTES } from '../../lib/api';
import * as contract from '../../lib/api/contract';
import { defineRoute } from '../../lib/api/contract';
import * as transaction from '../../lib/portfolio/transaction';
import { createRouter, route, routeTable } from '../../server/http/router';
import type { Routes } from '../../server/http/router';
import { RequestLimiter } from '../../server/socket/rate-limit';
import { logLines } from '../support/log-lines';
import type { Stack } from '../support/stack';
import { api, startStack } from '../support/stack';

type Operation = { operationId?: string; 'x-contract-missing'?: boolean; responses: Record<string, unknown> };
type Document = {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, { type: string; in?: string; name?: string }> };
};

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const operations = (doc: Document) =>
  Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
  );

describe('[H5] the OpenAPI document', () => {
  let stack: Stack;
  let doc: Document;
  beforeAll(async () => {
    stack = await startStack();
    // No session: the document is public.
    const res = await api({ url: stack.url }, '/api/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    doc = (await res.json()) as Document;
  });
  afterAll(() => stack.close());

  it('is a valid OpenAPI 3.1 document of this server', async () => {
    expect(await new Validator().validate(doc as never)).toMatchObject({ valid: true });
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toMatchObject({ title: 'Livefolio API', version: packageJson.version });
    // Every operation's tag is an area the document lists with what it holds, for the tools that group by tag.
    const listed = (doc as unknown as { tags: Array<{ name: string; description: string }> }).tags;
    expect(listed.every((tag) => tag.description.length > 0)).toBe(true);
    expect(
      [...new Set(operations(doc).flatMap(({ op }) => (op as { tags?: string[] }).tags ?? []))].sort(),
    ).toEqual(listed.map((tag) => tag.name).sort());
    expect(doc.components.securitySchemes).toMatchObject({
      session: { type: 'apiKey', in: 'cookie', name: 'livefolio_session' },
      bearer: { type: 'http' },
    });
  });

  it('describes every route the router serves with its contract, and no other', async () => {
    const documented = operations(doc);
    // The document is made from the router's own table: a route served without a contract shows up marked.
    expect(
      documented.filter(({ op }) => op['x-contract-missing']).map((o) => `${o.method} ${o.path}`),
    ).toEqual([]);
    const contracts = API_ROUTES.map((c) => `${c.method} ${c.path.replace(/:(\w+)/g, '{$1}')}`).sort();
    expect(documented.map((o) => `${o.method} ${o.path}`).sort()).toEqual(contracts);
    // The server itself names its methods per path in a 405's Allow: they are the documented ones.
    for (const [path, item] of Object.entries(doc.paths)) {
      const served = Object.keys(item).map((m) => m.toUpperCase());
      const other = METHODS.find((m) => !served.includes(m)) as string;
      const res = await api({ url: stack.url }, path.replace(/\{\w+\}/g, 'x'), {
        method: other,
        ...(other === 'GET' || other === 'DELETE' ? {} : { body: '{}' }),
      });
      expect(res.status, `${other} ${path}`).toBe(405);
      expect(res.headers.get('allow')?.split(', ').sort(), path).toEqual(served.sort());
    }
  });

  it('documents the CSV routes as text/csv', () => {
    const content = (path: string, method: string, status: string) =>
      Object.keys(
        (doc.paths[path]?.[method]?.responses[status] as { content: Record<string, unknown> }).content,
      );
    expect(content('/api/v1/transactions.csv', 'get', '200')).toEqual(['text/csv']);
    expect(content('/api/v1/reports/tax.csv', 'get', '200')).toEqual(['text/csv']);
    const upload = doc.paths['/api/v1/transactions.csv']?.post as unknown as {
      requestBody: { content: Record<string, unknown> };
    };
    expect(Object.keys(upload.requestBody.content)).toEqual(['text/csv']);
  });
});

describe('the contract’s copies of the portfolio rules', () => {
  it('are the rules lib/portfolio/transaction.ts checks (which the browser must not load)', () => {
    expect(contract.EXCHANGE_ID_PATTERN.source).toBe(transaction.EXCHANGE_ID_PATTERN.source);
    expect(contract.TICKER_PATTERN.source).toBe(transaction.TICKER_PATTERN.source);
    expect(contract.MAX_ID_LENGTH).toBe(transaction.MAX_ID_LENGTH);
  });
});

describe('answers checked against their contract', () => {
  const probe = defineRoute({
    method: 'GET',
    path: '/api/v1/probe',
    rule: 'H5',
    summary: 'A route for this test',
    access: 'public',
    query: z.strictObject({ shape: z.enum(['right', 'wrong', 'extra']) }),
    answer: z.object({ price: z.string() }),
  });
  // The handler lies about its answer's type, as a bug would.
  const routes: Routes = routeTable(
    route(probe, {
      handle: ({ query }) =>
        query.shape === 'right'
          ? { price: '1.5' }
          : query.shape === 'extra'
            ? ({ price: '1.5', secret: 'hunter2' } as never)
            : ({ price: 1.5 } as never),
    }),
  );

  async function serve(checkAnswers: boolean) {
    const { lines, sink } = logLines();
    const router = createRouter(routes, {
      limiter: new RequestLimiter(1000, 10),
      authenticate: () => Promise.resolve(null),
      originAllowed: () => true,
      maxBodyBytes: 1024,
      clientAddress: () => '127.0.0.1',
      checkAnswers,
      log: pino(sink),
    });
    const server = createServer((req, res) => {
      if (!router(req, res)) res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return { url, lines, close: () => new Promise((resolve) => server.close(resolve)) };
  }

  it('answers 500 and logs the route and the wrong field when an answer is outside its schema', async () => {
    const server = await serve(true);
    const right = await fetch(`${server.url}/api/v1/probe?shape=right`);
    expect(right.status).toBe(200);
    expect(await right.json()).toEqual({ price: '1.5' });
    const wrong = await fetch(`${server.url}/api/v1/probe?shape=wrong`);
    expect(wrong.status).toBe(500);
    expect(await wrong.json()).toMatchObject({ error: { code: 'INTERNAL' } });
    const logged = server.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged).toContainEqual(
      expect.objectContaining({
        msg: 'answer outside its contract',
        path: '/api/v1/probe',
        issues: [expect.stringMatching(/^price: /)],
      }),
    );
    await server.close();
  });

  it('answers 500 when an answer holds a field its contract does not name (nothing undocumented leaves)', async () => {
    const server = await serve(true);
    const res = await fetch(`${server.url}/api/v1/probe?shape=extra`);
    expect(res.status).toBe(500);
    expect(await res.text()).not.toContain('hunter2');
    const logged = server.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged).toContainEqual(
      expect.objectContaining({ issues: ['answer.secret: not in the contract'] }),
    );
    await server.close();
  });

  it('parses the query with the contract: a wrong one is a 400 naming the field', async () => {
    const server = await serve(true);
    const res = await fetch(`${server.url}/api/v1/probe?shape=round`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/^shape: /);
    await server.close();
  });

  it('sends answers unchecked when checking is off (production)', async () => {
    const server = await serve(false);
    const res = await fetch(`${server.url}/api/v1/probe?shape=wrong`);
    expect(res.status).toBe(200);
    expect(server.lines).toEqual([]);
    await server.close();
  });
});
