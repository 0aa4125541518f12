import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app';
import { ConfigError, loadConfig } from '../../../server/config';
import { createLogger } from '../../../server/log';

const start = (dataDir: string) =>
  createApp({
    config: loadConfig({ LOG_LEVEL: 'silent', EXCHANGES: 'binance', DATA_DIR: dataDir }),
    log: createLogger('silent'),
    exchanges: [],
  });

describe('the server start and its secret key', () => {
  it('starts with a key it makes in DATA_DIR, and keeps that key across restarts', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'livefolio-start-'));
    const file = join(dataDir, 'secret.key');
    const app = await start(dataDir);
    try {
      const { port } = await app.listen(0, '127.0.0.1');
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    } finally {
      await app.close();
    }
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const key = readFileSync(file, 'utf8');
    await (await start(dataDir)).close();
    expect(readFileSync(file, 'utf8')).toBe(key);
  });

  it('refuses to start on a key file others may read, or one that holds no key, and opens no database', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'livefolio-start-'));
    const file = join(dataDir, 'secret.key');
    await (await start(dataDir)).close();
    chmodSync(file, 0o644);
    await expect(start(dataDir)).rejects.toThrow(ConfigError);
    await expect(start(dataDir)).rejects.toThrow(/may be read by others \(mode 0644\)/);

    const other = mkdtempSync(join(tmpdir(), 'livefolio-start-'));
    writeFileSync(join(other, 'secret.key'), 'too-short\n', { mode: 0o600 });
    await expect(start(other)).rejects.toThrow(/secret\.key does not hold a key/);
    // The key is checked before the database is opened: no database file was made.
    expect(() => statSync(join(other, 'livefolio.db'))).toThrow(/ENOENT/);
  });
});
