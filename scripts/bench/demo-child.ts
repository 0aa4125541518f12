/** Bench child: the demo exchange in a process of its own, so its CPU is not the server's. */
import { startDemoExchange } from '../../server/feeds/demo';
import { childConfig, failChild, serveCommands, startMeter, tell } from './ipc';
import type { MeterReading } from './ipc';

/** What the parent passes in. */
export interface DemoChildConfig {
  seed: number;
  tickMs: number;
}

/** What the demo exchange reports for the measurement window. */
export interface DemoReport {
  meter: MeterReading;
  /** Ticks the exchange generated per unified symbol: what a server that keeps up takes in. */
  ticksBySymbol: Record<string, number>;
}

async function main(): Promise<void> {
  const { seed, tickMs } = childConfig<DemoChildConfig>();
  const demo = await startDemoExchange({ seed, tickMs, host: '127.0.0.1' });
  const tickIndexes = () => new Map(demo.symbols().map((s) => [s, demo.ticker(s)?.tickIndex ?? 0]));
  let atStart = tickIndexes();
  let stopMeter: (() => MeterReading) | null = null;
  serveCommands({
    start: () => {
      atStart = tickIndexes();
      stopMeter = startMeter();
    },
    stop: () => {
      const report: DemoReport = {
        meter: stopMeter?.() as MeterReading,
        ticksBySymbol: Object.fromEntries([...tickIndexes()].map(([s, n]) => [s, n - (atStart.get(s) ?? 0)])),
      };
      return { ...report };
    },
    exit: () => demo.close(),
  });
  tell({ type: 'ready', url: demo.url, symbols: demo.symbols() });
}

main().catch(failChild);
