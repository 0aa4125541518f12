/** Candle blocks shared by the instances of a cluster through Redis (docs/scaling.md, H4). */
import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CandleHistory } from '../../../server/candles/candle-history';
import { redisBlocks } from '../../../server/candles/shared-blocks';
import { startDemoExchange } from '../../../server/feeds/demo';
import type { DemoExchange } from '../../../server/feeds/demo';
import { RestExchanges } from '../../../server/feeds/rest-exchanges';
import { startCountingProxy } from '../../support/counting-proxy';
import type { CountingProxy } from '../../support/counting-proxy';
import { REDIS_URL, redisAvailable } from '../../support/services';

const HOUR = 3_600_000;
const log = pino({ level: 'silent' });
const redisUp = await redisAvailable();

describe.skipIf(!redisUp)('candle history shared through Redis', () => {
  let demo: DemoExchange;
  let proxy: CountingProxy;
  const redis = createClient({ url: REDIS_URL });
  const prefix = `test-candles-${randomBytes(4).toString('hex')}`;
  const rests: RestExchanges[] = [];

  beforeAll(async () => {
    demo = await startDemoExchange({ seed: 9, tickMs: 1000 });
    proxy = await startCountingProxy(demo.url);
    await redis.connect();
  });
  afterAll(async () => {
    for (const rest of rests) await rest.close();
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(keys);
    await redis.close();
    await proxy.close();
    await demo.close();
  });

  /** An instance of the service as a server process has it: its own ccxt instance, the cluster's Redis. */
  function instance(): CandleHistory {
    const rest = new RestExchanges([{ id: 'binance', url: proxy.url, simulated: true }], log);
    rests.push(rest);
    return new CandleHistory({ exchanges: rest, log, shared: redisBlocks(redis, prefix) });
  }
  const klines = () => proxy.count(/\/api\/v3\/klines$/);

  it('[H4] two instances asking for the same page at once make one exchange request', async () => {
    const [a, b] = [instance(), instance()];
    // A page inside one closed block of 1000 hours: one request serves it.
    const span = 1000 * HOUR;
    const before = Math.floor(Date.now() / span) * span - span + 100 * HOUR;
    const start = klines();
    const [pageA, pageB] = await Promise.all([
      a.candles('binance:BTC/USDT', '1h', { before, limit: 50 }),
      b.candles('binance:BTC/USDT', '1h', { before, limit: 50 }),
    ]);
    expect(klines() - start).toBe(1);
    expect(pageA.candles).toHaveLength(50);
    expect(pageB).toEqual(pageA);
    // A third instance, later, reads the block from Redis too.
    const pageC = await instance().candles('binance:BTC/USDT', '1h', { before, limit: 50 });
    expect(pageC).toEqual(pageA);
    expect(klines() - start).toBe(1);
  });

  it('[H4] shares the newest block until its next candle closes', async () => {
    const [a, b] = [instance(), instance()];
    const start = klines();
    const pageA = await a.candles('binance:BTC/USDT', '4h', { limit: 20 });
    const requests = klines() - start;
    const pageB = await b.candles('binance:BTC/USDT', '4h', { limit: 20 });
    expect(klines() - start).toBe(requests);
    expect(pageB.candles).toEqual(pageA.candles);
    // The live candle is never shared: only the instance that asked the exchange has it.
    expect(pageA.open).not.toBeNull();
    expect(pageB.open).toBeNull();
  });
});
