import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';

let child: ChildProcess | undefined;

afterEach(() => {
  // Only ever the process this test started, by its own handle.
  if (child?.exitCode === null) child.kill('SIGKILL');
  child = undefined;
});

/** Starts the CLI under node + tsx (not npx, which does not forward SIGTERM) and waits for its URL. */
async function startCli(args: string[]): Promise<{ proc: ChildProcess; url: string; output: () => string }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/feeds/demo/cli.ts', ...args], {
    cwd: process.cwd(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = proc;
  let output = '';
  proc.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    proc.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /EXCHANGES=\w+@(http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    proc.once('exit', () => reject(new Error(`cli exited early: ${output}`)));
  });
  return { proc, url, output: () => output };
}

describe('demo exchange CLI', () => {
  it('prints its URL and the EXCHANGES form, serves, and stops cleanly on SIGTERM', async () => {
    const { proc, url, output } = await startCli(['--port', '0', '--seed', '7', '--tick-ms', '100']);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(output()).toContain(`listening on ${url}`);
    const res = await fetch(`${url}/api/v3/ticker/24hr?symbol=BTCUSDT`);
    expect(res.status).toBe(200);
    proc.kill('SIGTERM');
    const [code] = await once(proc, 'exit');
    expect(code).toBe(0);
  });

  it('runs the simulated Kraken and Coinbase too, each with its own protocol', async () => {
    const kraken = await startCli(['--exchange', 'kraken', '--port', '0']);
    expect(kraken.output()).toContain('EXCHANGES=kraken@');
    const pairs = (await (await fetch(`${kraken.url}/0/public/AssetPairs?pair=XXBTZUSD`)).json()) as {
      result: Record<string, unknown>;
    };
    expect(Object.keys(pairs.result)).toEqual(['XXBTZUSD']);
    kraken.proc.kill('SIGTERM');
    expect((await once(kraken.proc, 'exit'))[0]).toBe(0);
    const coinbase = await startCli(['--exchange', 'coinbase', '--port', '0']);
    expect(coinbase.output()).toContain('EXCHANGES=coinbase@');
    const product = await fetch(`${coinbase.url}/api/v3/brokerage/market/products/BTC-USD`);
    expect(((await product.json()) as { product_id: string }).product_id).toBe('BTC-USD');
    coinbase.proc.kill('SIGTERM');
    expect((await once(coinbase.proc, 'exit'))[0]).toBe(0);
  });

  it('refuses bad options and non-loopback hosts with exit code 2', async () => {
    for (const args of [
      ['--tick-ms', 'fast'],
      ['--host', '0.0.0.0', '--port', '0'],
      ['--exchange', 'bitstamp'],
    ]) {
      const proc = spawn(process.execPath, ['--import', 'tsx', 'server/feeds/demo/cli.ts', ...args], {
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      child = proc;
      let stderr = '';
      proc.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const [code] = await once(proc, 'exit');
      expect(code).toBe(2);
      expect(stderr).toMatch(/tick-ms|non-loopback|--exchange must be/);
    }
  });
});
