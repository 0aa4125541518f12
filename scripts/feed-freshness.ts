// How each simulated exchange's feed judges its streams, with the production rules, in real time (docs/feeds.md):
// how soon a frozen feed is told stale, and whether a quiet market on a healthy connection (Coinbase, Kraken) is
// ever redialled.
//   npx tsx scripts/feed-freshness.ts [--quiet-minutes 10]
import { parseArgs } from 'node:util';
import pino from 'pino';
import { startCoinbaseExchange } from '../server/feeds/demo/coinbase/index';
import { startDemoExchange } from '../server/feeds/demo/index';
import { startKrakenExchange } from '../server/feeds/demo/kraken/index';
import type { SimulatedExchange } from '../server/feeds/demo/venue';
import { createExchangeFeed } from '../server/feeds/exchange-feed';
import type { FeedStatus } from '../lib/protocol';
import { waitFor } from '../tests/support/stack';

const { values } = parseArgs({ options: { 'quiet-minutes': { type: 'string', default: '10' } } });
const quietMs = Number(values['quiet-minutes']) * 60_000;
const log = pino({ level: 'silent' });

/** A feed on `exchange` watching `symbol`, with every status it reports. */
function watch(exchange: SimulatedExchange, symbol: string) {
  const statuses: FeedStatus[] = [];
  let ticks = 0;
  const feed = createExchangeFeed(
    { id: exchange.id, url: exchange.url, simulated: true },
    { ticker: () => void ticks++, invalid() {}, markets() {}, status: (s) => void statuses.push(s) },
    { log },
  );
  feed.setSymbols([symbol]);
  feed.start();
  const until = (check: () => boolean) => waitFor(check, 60_000, 'the feed');
  return { feed, statuses, ticks: () => ticks, until };
}

/** Freezes the exchange once its stream ticks; how long until the stream is stale. */
async function frozen(exchange: SimulatedExchange, symbol: string): Promise<number> {
  const w = watch(exchange, symbol);
  await w.until(() => w.ticks() >= 3);
  exchange.faults.stall();
  const at = Date.now();
  await w.until(() => w.feed.status().streams[symbol]?.state === 'stale');
  const told = Date.now() - at;
  await w.feed.stop();
  return told;
}

/** A market that never trades after its first price, on a healthy connection: its states and redials. */
async function quiet(exchange: SimulatedExchange, symbol: string) {
  exchange.faults.quiet(symbol);
  const w = watch(exchange, symbol);
  await new Promise((r) => setTimeout(r, quietMs));
  const states = [...new Set(w.statuses.map((s) => s.streams[symbol]?.state ?? 'live'))];
  const result = { reconnects: w.feed.status().reconnects, states, ticks: w.ticks() };
  await w.feed.stop();
  return result;
}

const venues: Array<[() => Promise<SimulatedExchange>, string]> = [
  [() => startDemoExchange({ seed: 3 }), 'BTC/USDT'],
  [() => startCoinbaseExchange({ seed: 3 }), 'BTC/USD'],
  [() => startKrakenExchange({ seed: 3 }), 'BTC/USD'],
];
await Promise.all(
  venues.map(async ([start, symbol]) => {
    const a = await start();
    const staleAfterMs = await frozen(a, symbol);
    await a.close();
    // A market without trades exists only where pushes follow trades; Binance pushes every second regardless.
    if (a.id === 'binance') return console.log(JSON.stringify({ exchange: a.id, symbol, staleAfterMs }));
    const b = await start();
    const calm = await quiet(b, symbol);
    await b.close();
    console.log(
      JSON.stringify({ exchange: a.id, symbol, staleAfterMs, quietMinutes: quietMs / 60_000, ...calm }),
    );
  }),
);
