import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../server/config';

const bytes = randomBytes(32);
const BASE64 = bytes.toString('base64');
const HEX = bytes.toString('hex');
const CLUSTER = { DATABASE_URL: 'postgres://db/livefolio', REDIS_URL: 'redis://127.0.0.1:6379' };

/** The ConfigError loadConfig throws for `env`. */
function refused(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  }
  return expect.unreachable('the configuration was accepted');
}

describe('SECRET_KEY and SECRET_KEY_PREVIOUS', () => {
  it('takes 32 bytes as base64 (padded or not, either alphabet) or as 64 hex characters', () => {
    const urlSafe = bytes.toString('base64url');
    for (const text of [BASE64, BASE64.replace(/=$/, ''), urlSafe, HEX, HEX.toUpperCase(), ` ${BASE64}\n`])
      expect(loadConfig({ SECRET_KEY: text }).SECRET_KEY).toBe(text);
    expect(loadConfig({}).SECRET_KEY).toBeUndefined();
  });

  it.each([
    ['a passphrase', 'correct horse battery staple'],
    ['16 bytes of base64', randomBytes(16).toString('base64')],
    ['33 bytes of base64', randomBytes(33).toString('base64')],
    ['63 hex characters', HEX.slice(1)],
    ['65 hex characters', `${HEX}0`],
    ['base64 with a character that is not', `${BASE64.slice(0, 10)}!${BASE64.slice(11)}`],
  ])('refuses %s, saying the format and how to make a key, never the value', (_name, text) => {
    const message = refused({ SECRET_KEY: text });
    expect(message).toBe(
      'SECRET_KEY=(hidden) is invalid: expected 32 random bytes as base64 (44 characters) or as 64 hex ' +
        'characters; generate one with `openssl rand -base64 32`',
    );
    expect(message).not.toContain(text.trim());
  });

  it('takes comma-separated previous keys, and refuses the list when one of them is no key', () => {
    const older = randomBytes(32).toString('hex');
    expect(loadConfig({ SECRET_KEY_PREVIOUS: `${BASE64}, ${older}` }).SECRET_KEY_PREVIOUS).toEqual([
      BASE64,
      older,
    ]);
    expect(loadConfig({}).SECRET_KEY_PREVIOUS).toEqual([]);
    const message = refused({ SECRET_KEY_PREVIOUS: `${BASE64},not-a-key` });
    expect(message).toMatch(
      /^SECRET_KEY_PREVIOUS=\(hidden\) is invalid: entry 2 is not a key: expected 32 random bytes/,
    );
    expect(message).not.toContain(BASE64);
  });

  it('is required when DATABASE_URL and REDIS_URL are both set (instances sharing one database)', () => {
    expect(refused(CLUSTER)).toBe(
      'SECRET_KEY=(hidden) is invalid: required when DATABASE_URL and REDIS_URL are both set: every instance ' +
        'of a cluster needs the same key; generate one with `openssl rand -base64 32` and give it to each instance',
    );
    expect(loadConfig({ ...CLUSTER, SECRET_KEY: BASE64 }).SECRET_KEY).toBe(BASE64);
    // One instance, or instances on one host sharing a SQLite file and its DATA_DIR: the key file does.
    expect(loadConfig({ DATABASE_URL: CLUSTER.DATABASE_URL }).SECRET_KEY).toBeUndefined();
    expect(loadConfig({ REDIS_URL: CLUSTER.REDIS_URL }).SECRET_KEY).toBeUndefined();
  });
});
