/**
 * The dashboard parses its answers with the contract's schemas as JSON Schema (client/api/contract-answer.ts): the
 * file it carries is the contract's own, and it takes exactly what zod's parse of the same schema takes.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { safeParse } from 'zod/mini';
import { API_AREAS } from '../../../lib/api';
import { answerSchemaDocument } from '../../../lib/api/answer-json-schemas';
import type { Schema } from '../../../lib/api/contract';
import { ANSWER_ROUTES } from '../../../client/api/answer-routes';
import type { AnswerRoute } from '../../../client/api/answer-routes';
import { isAnswer } from '../../../client/api/contract-answer';

const TOTALS = { marketValue: '100', costBasis: '80', unrealizedPnl: '20', realizedPnl: '0' };
const USER = { id: 1, username: 'ada', isAdmin: true };
const ALERT = {
  id: 'a1',
  kind: 'move',
  stream: 'binance:BTC/USDT',
  direction: 'any',
  percent: '5',
  window: '1h',
  note: null,
  channels: ['c1'],
  createdAt: 1_700_000_000_000,
  triggeredAt: 1_700_000_060_000,
  triggeredPrice: '52100',
  triggeredChange: '-5.21',
};

/** One or more answers of each route, as its server sends them, with every optional part present. */
const EXAMPLES: Record<AnswerRoute, unknown[]> = {
  'auth.session': [
    { user: USER, setupRequired: false },
    { user: null, setupRequired: true },
  ],
  'auth.login': [{ user: USER }],
  'auth.setup': [{ user: USER }],
  'auth.logout': [{ signedOut: true }],
  'market.history': [
    { stream: 'binance:BTC/USDT', intervalMs: 1000, points: [[1_700_000_000_000, 42_000.5]] },
    { intervalMs: 1000, series: { 'binance:BTC/USDT': [[1_700_000_000_000, 42_000.5]] } },
  ],
  'market.markets': [
    {
      exchange: 'kraken',
      markets: [{ stream: 'kraken:BTC/USD', symbol: 'BTC/USD', base: 'BTC', quote: 'USD' }],
    },
  ],
  'market.candles': [
    {
      stream: 'binance:BTC/USDT',
      timeframe: '1h',
      candles: [[1_700_000_000_000, 1, 2, 0.5, 1.5, 10]],
      more: true,
    },
  ],
  'portfolio.holdings': [
    {
      method: 'fifo',
      quoteCurrency: 'USD',
      complete: false,
      totals: TOTALS,
      assets: [
        {
          asset: 'BTC',
          quantity: '0.5',
          price: '200',
          priceSource: { stream: 'binance:BTC/USDT', price: '200', receivedAt: 1, stale: false },
          venues: ['binance'],
          conversion: {
            from: 'USDT',
            to: 'USD',
            rate: '1',
            legs: [{ stream: 'kraken:USDT/USD', inverse: false }],
          },
          ...TOTALS,
          allocation: '1',
          costUnknown: true,
        },
      ],
      unpriced: [
        {
          asset: 'XYZ',
          quoteCurrency: 'USD',
          reason: 'no-price',
          quantity: '1',
          costBasis: '5',
          realizedPnl: '0',
        },
      ],
      accounts: [
        {
          id: 'acc1',
          name: 'Main',
          kind: 'manual',
          complete: true,
          totals: TOTALS,
          assets: [{ asset: 'BTC', quantity: '0.5', ...TOTALS, allocation: '1' }],
          unpriced: [],
        },
      ],
    },
  ],
  'portfolio.history': [
    {
      currency: 'EUR',
      intervalMs: 60_000,
      points: [[1_700_000_000_000, '1000.5']],
      backfill: { state: 'failed', days: 3, message: 'No daily candles for XYZ.' },
    },
  ],
  'portfolio.performance': [
    {
      currency: 'USD',
      range: '1M',
      from: 1,
      to: 2,
      twr: '0.05',
      points: [
        [1, '100', null],
        [2, '105', '0.05'],
      ],
      benchmarks: { BTC: { stream: 'binance:BTC/USDT', points: [[1, '-0.1']] }, ETH: null },
      contributions: {
        step: 'day',
        assets: [{ asset: 'BTC', contribution: '0.05' }],
        total: '0.05',
        other: null,
      },
      notes: ['Fees are counted.'],
    },
  ],
  'portfolio.settings': [{ quoteCurrency: 'EUR', pricing: { BTC: 'kraken' } }],
  'portfolio.changeSettings': [{ quoteCurrency: 'EUR', pricing: {} }],
  'alerts.list': [{ alerts: [ALERT, { ...ALERT, kind: 'price', condition: 'above', price: '1' }] }],
  'alerts.create': [
    { alert: { ...ALERT, kind: 'portfolio', condition: 'below', value: '10000', currency: 'USD' } },
  ],
  'alerts.channels': [{ alert: ALERT }],
  'alerts.remove': [{ deleted: 'a1' }],
  'channels.list': [
    {
      channels: [
        {
          id: 'c1',
          kind: 'ntfy',
          name: 'Phone',
          settings: { url: 'https://ntfy.sh/topic', priority: 4, tags: ['chart'] },
          hasSecret: false,
          createdAt: 1,
          lastOkAt: null,
          lastError: { code: 'TIMEOUT', message: 'No answer within 10 s.' },
          lastErrorAt: 2,
          recent: [
            {
              id: 'd1',
              type: 'channel.test',
              status: 'failed',
              attempts: 2,
              createdAt: 1,
              sentAt: null,
              nextAttemptAt: null,
              error: { code: 'TIMEOUT', message: 'No answer within 10 s.' },
            },
          ],
        },
      ],
    },
  ],
};

const REMOVE = Symbol('remove');

/** A copy of `root` with the value at `path` replaced, or removed. */
function replaced(root: unknown, path: readonly (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [key, ...rest] = path as [string | number, ...(string | number)[]];
  const copy = (Array.isArray(root) ? [...(root as unknown[])] : { ...(root as object) }) as Record<
    string | number,
    unknown
  >;
  const next = replaced(copy[key], rest, value);
  if (next === REMOVE) delete copy[key];
  else copy[key] = next;
  return copy;
}

/** Every answer one change away from `root`: each value of the wrong type, each key missing, an extra key. */
function* mutants(
  root: unknown,
  at: unknown = root,
  path: (string | number)[] = [],
): Generator<[string, unknown]> {
  const name = path.join('.') || '(answer)';
  const wrong: Record<string, unknown[]> = {
    string: [5, null, '', 'x1'],
    number: ['5', null, 1.5, -1],
    boolean: ['true', null],
    object: [[], 'x'],
  };
  const kind = at === null ? 'null' : typeof at;
  for (const value of kind === 'null' ? [{}, 0, 'x'] : (wrong[kind] ?? []))
    yield [`${name} = ${JSON.stringify(value)}`, replaced(root, path, value)];
  if (Array.isArray(at)) {
    yield [`${name} + an item`, replaced(root, path, [...at, 'x'])];
    yield [`${name} emptied`, replaced(root, path, [])];
    for (const [i, item] of at.entries()) yield* mutants(root, item, [...path, i]);
  } else if (kind === 'object') {
    yield [`${name} + extra`, replaced(root, path, { ...(at as object), extra: 1 })];
    for (const [key, value] of Object.entries(at as object)) {
      yield [`${name}.${key} removed`, replaced(root, [...path, key], REMOVE)];
      yield* mutants(root, value, [...path, key]);
    }
  }
}

function contractSchema(route: AnswerRoute): Schema {
  const [area, name] = route.split('.') as [keyof typeof API_AREAS, string];
  return (API_AREAS[area] as Record<string, { answer: Schema }>)[name]?.answer as Schema;
}

describe('the dashboard’s answers parsed with the contract', () => {
  it('carries the contract’s own schemas: `npm run contract:schemas` writes them after a change', () => {
    const carried = readFileSync(resolve(__dirname, '../../../client/api/answer-schemas.json'), 'utf8');
    expect(carried, 'client/api/answer-schemas.json is stale: run npm run contract:schemas').toBe(
      `${JSON.stringify(answerSchemaDocument(ANSWER_ROUTES))}\n`,
    );
  });

  it.each(ANSWER_ROUTES)('%s: takes what the contract takes and refuses what it refuses', (route) => {
    const schema = contractSchema(route);
    let refused = 0;
    let checked = 0;
    for (const example of EXAMPLES[route]) {
      expect(safeParse(schema, example).success, 'the example itself').toBe(true);
      expect(isAnswer(route, example), 'the example itself').toBe(true);
      for (const [change, answer] of mutants(example)) {
        const zod = safeParse(schema, answer).success;
        expect(isAnswer(route, answer), change).toBe(zod);
        checked += 1;
        if (!zod) refused += 1;
      }
    }
    // Each route's changes include answers the contract refuses: a check that takes everything would fail here.
    expect(refused).toBeGreaterThan(0);
    expect(checked).toBeGreaterThan(refused);
  });
});
