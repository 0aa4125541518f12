/**
 * Bench child: ccxt alone, the feed's floor. The same ccxt exchange the server builds (createCcxtExchange), pointed
 * at the same demo exchange, watching the same streams with the same parameters, in a loop that does nothing with
 * the tickers: what taking in the exchange's frames costs before any of the server's own work. Run beside the bare
 * baseline, so a round splits the server's CPU into socket.io's floor, ccxt's floor, and the rest.
 */
import { createCcxtExchange } from '../../server/feeds/ccxt-exchange';
import { watchParamsFor } from '../../server/feeds/feed-defaults';
import { childConfig, failChild, serveCommands, startMeter, tell } from './ipc';
import type { MeterReading } from './ipc';

/** What the parent passes in. */
export interface FeedFloorConfig {
  demoUrl: string;
  /** Unified symbols of the streams the clients subscribe to (the server watches exactly these). */
  symbols: string[];
}

/** What the child reports for the window. */
export interface FeedFloorReport {
  meter: MeterReading;
  /** Watch resolutions per second: each is one or more frames ccxt handled. */
  resolutionsPerSec: number;
}

async function main(): Promise<void> {
  const { demoUrl, symbols } = childConfig<FeedFloorConfig>();
  const ex = await createCcxtExchange({ id: 'binance', url: demoUrl, simulated: true });
  await ex.loadMarkets();
  const params = watchParamsFor('binance');
  // The first resolution means the subscription is live.
  await ex.watchTickers(symbols, params);
  let resolutions = 1;
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      await ex.watchTickers(symbols, params);
      resolutions += 1;
    }
  })();
  let stopMeter: (() => MeterReading) | null = null;
  let atStart = 0;
  serveCommands({
    start: () => {
      atStart = resolutions;
      stopMeter = startMeter();
    },
    stop: () => {
      const meter = stopMeter?.() as MeterReading;
      const report: FeedFloorReport = {
        meter,
        resolutionsPerSec: (resolutions - atStart) / (meter.elapsedMs / 1000),
      };
      return { ...report };
    },
    exit: async () => {
      stopped = true;
      await ex.close();
      await loop.catch(() => undefined);
    },
  });
  tell({ type: 'ready' });
}

main().catch(failChild);
