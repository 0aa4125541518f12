import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../server/config';
import { createLogger } from '../../../server/log';
import { loadKeyRing } from '../../../server/secrets/load-key-ring';
import { logLines } from '../../support/log-lines';

const scratch = () => mkdtempSync(join(tmpdir(), 'livefolio-secrets-'));
const silent = createLogger('silent');
const fromFile = (dataDir: string) => ({ DATA_DIR: dataDir, SECRET_KEY: undefined, SECRET_KEY_PREVIOUS: [] });

/** The ConfigError message loadKeyRing refuses to start with. */
async function refusal(config: Parameters<typeof loadKeyRing>[0]): Promise<string> {
  const error: unknown = await loadKeyRing(config, silent).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ConfigError);
  return (error as ConfigError).message;
}

describe('the key file (DATA_DIR/secret.key, when SECRET_KEY is unset)', () => {
  it('is made at the first start with mode 0600, and the next start uses the same key', async () => {
    const dataDir = join(scratch(), 'not-yet-there');
    const { lines, sink } = logLines();
    const first = await loadKeyRing(fromFile(dataDir), createLogger('info', sink));
    const file = join(dataDir, 'secret.key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const text = readFileSync(file, 'utf8');
    expect(Buffer.from(text.trim(), 'base64')).toHaveLength(32);
    const stored = first.encrypt('s3cret-value', 'connection:1:secret');

    const second = await loadKeyRing(fromFile(dataDir), createLogger('info', sink));
    expect(second.keyId).toBe(first.keyId);
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(second.decrypt(stored, 'connection:1:secret')).toBe('s3cret-value');

    // Made once, said once; the log names the file and the key id, never the key.
    expect(lines.filter((l) => l.includes('made a new secret key'))).toHaveLength(1);
    expect(lines.filter((l) => l.includes(first.keyId))).toHaveLength(2);
    const key = Buffer.from(text.trim(), 'base64');
    for (const form of [key.toString('base64'), key.toString('base64url'), key.toString('hex')])
      expect(lines.join('\n')).not.toContain(form);
  });

  it('is one key for instances starting together on one DATA_DIR, with no file left behind', async () => {
    const dataDir = scratch();
    const rings = await Promise.all(Array.from({ length: 6 }, () => loadKeyRing(fromFile(dataDir), silent)));
    expect(new Set(rings.map((r) => r.keyId)).size).toBe(1);
    expect(readdirSync(dataDir)).toEqual(['secret.key']);
  });

  it('refuses a file others may read (0644), and leaves it as it was', async () => {
    const dataDir = scratch();
    await loadKeyRing(fromFile(dataDir), silent);
    const file = join(dataDir, 'secret.key');
    const text = readFileSync(file, 'utf8');
    chmodSync(file, 0o644);
    expect(await refusal(fromFile(dataDir))).toBe(
      `The key file ${file} may be read by others (mode 0644): make it private with \`chmod 600 ${file}\`.`,
    );
    expect(readFileSync(file, 'utf8')).toBe(text);
    chmodSync(file, 0o600);
    await expect(loadKeyRing(fromFile(dataDir), silent)).resolves.toBeDefined();
  });

  it.each([
    ['16 bytes', `${randomBytes(16).toString('base64')}\n`],
    ['33 bytes', randomBytes(33).toString('hex')],
    ['nothing', ''],
    ['a huge file', 'A'.repeat(5000)],
  ])('refuses a file of %s, never replaces it, and never shows what it holds', async (_name, text) => {
    const dataDir = scratch();
    const file = join(dataDir, 'secret.key');
    writeFileSync(file, text, { mode: 0o600 });
    const message = await refusal(fromFile(dataDir));
    expect(message).toMatch(
      new RegExp(`^The key file ${file} does not hold a key \\(\\d+ bytes\\): expected 32`),
    );
    expect(message).toContain('restore it from a backup');
    if (text.trim()) expect(message).not.toContain(text.trim().slice(0, 12));
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('refuses a DATA_DIR where no key file can be: a directory named secret.key, or a file for DATA_DIR', async () => {
    const dataDir = scratch();
    mkdirSync(join(dataDir, 'secret.key'));
    expect(await refusal(fromFile(dataDir))).toMatch(/secret\.key is not a file\.$/);
    const notADir = join(scratch(), 'plain-file');
    writeFileSync(notADir, 'x');
    expect(await refusal(fromFile(notADir))).toMatch(
      /^Cannot read the key file .*secret\.key \(ENOTDIR\)\.$/,
    );
  });

  it('is neither read nor made when SECRET_KEY is set', async () => {
    const dataDir = scratch();
    const key = randomBytes(32);
    const ring = await loadKeyRing({ ...fromFile(dataDir), SECRET_KEY: key.toString('hex') }, silent);
    expect(readdirSync(dataDir)).toEqual([]);
    const fromBase64 = await loadKeyRing(
      { ...fromFile(dataDir), SECRET_KEY: key.toString('base64') },
      silent,
    );
    expect(fromBase64.keyId).toBe(ring.keyId);
  });

  it('a malformed key in a config built by hand is refused, never shown', async () => {
    const message = await refusal({ ...fromFile(scratch()), SECRET_KEY_PREVIOUS: ['my-old-passphrase'] });
    expect(message).toMatch(/^SECRET_KEY_PREVIOUS \(entry 1\) is invalid: expected 32 random bytes/);
    expect(message).not.toContain('my-old-passphrase');
  });
});
