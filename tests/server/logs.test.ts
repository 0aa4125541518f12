import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io as connectClient } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { startDemoExchange } from '../../server/feeds/demo';
import { createLogger } from '../../server/log';
import { logLines } from '../support/log-lines';
import { signIn, waitFor } from '../support/stack';

const PASSWORD = 'a-secret-password-42';

describe('the log', () => {
  it('is JSON lines at LOG_LEVEL, and never holds a password, a cookie or a session token', async () => {
    const { lines, sink } = logLines();
    const demo = await startDemoExchange({ seed: 3, tickMs: 50 });
    const dataDir = mkdtempSync(join(tmpdir(), 'livefolio-'));
    const config = loadConfig({
      LOG_LEVEL: 'trace',
      EXCHANGES: 'binance',
      ADMIN_USERNAME: 'carol',
      ADMIN_PASSWORD: PASSWORD,
      DATA_DIR: dataDir,
    });
    const app = await createApp({
      config,
      log: createLogger('trace', sink),
      exchanges: [{ id: 'binance', url: demo.url, simulated: true }],
      databaseFile: join(dataDir, 'test.db'),
    });
    const { port } = await app.listen(0, '127.0.0.1');
    const url = `http://127.0.0.1:${port}`;
    try {
      const cookie = await signIn(url, { username: 'carol', password: PASSWORD });
      const token = cookie.split('=')[1] as string;
      // A wrong password, a request that fails, a socket that connects and leaves: each may log something.
      await fetch(`${url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'carol', password: `${PASSWORD}-wrong` }),
      });
      const socket = connectClient(url, { transports: ['websocket'], extraHeaders: { cookie } });
      await new Promise<void>((resolve) => socket.once('server:hello', () => resolve()));
      const refused = new Promise((resolve) => socket.once('protocol:error', resolve));
      socket.emit('nonsense:event' as never, { cookie } as never);
      await refused;
      socket.disconnect();
      await waitFor(
        () => lines.some((l) => l.includes('client disconnected')),
        5_000,
        'the disconnect logged',
      );

      expect(lines.length).toBeGreaterThan(1);
      for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
      const all = lines.join('\n');
      // The failed sign-in is there, by username, without what was typed.
      expect(lines.some((l) => l.includes('failed sign-in') && l.includes('carol'))).toBe(true);
      expect(all).not.toContain(PASSWORD);
      expect(all).not.toContain(token);
    } finally {
      await app.close();
      await demo.close();
    }
  });
});
