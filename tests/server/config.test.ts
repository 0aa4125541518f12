import { describe, expect, it } from 'vitest';
import { ConfigError, exchangeSpecs, loadConfig } from '../../server/config';

describe('configuration from the environment', () => {
  it('gives the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 3000,
      HOSTNAME: '0.0.0.0',
      EXCHANGES: ['binance', 'coinbase', 'kraken'],
      DEMO: false,
      DATA_DIR: './data',
      MAX_FREQUENCY: 4,
      SLOW_CLIENT_BUFFER_BYTES: 262144,
    });
  });

  it('reads exchange entries with a base URL', () => {
    expect(loadConfig({ EXCHANGES: ' binance@http://127.0.0.1:9100 , kraken' }).EXCHANGES).toEqual([
      'binance@http://127.0.0.1:9100',
      'kraken',
    ]);
  });

  it('[F8] reads a feed mode per exchange, with or without a base URL', () => {
    const entries = loadConfig({
      EXCHANGES: 'coinbase:watchTickers,kraken:poll@http://127.0.0.1:9102,binance',
    }).EXCHANGES;
    expect(exchangeSpecs(entries)).toEqual([
      { id: 'coinbase', url: null, simulated: false, mode: 'watchTickers' },
      { id: 'kraken', url: 'http://127.0.0.1:9102', simulated: false, mode: 'poll' },
      { id: 'binance', url: null, simulated: false },
    ]);
  });

  const bad: Array<[string, Record<string, string>, RegExp]> = [
    [
      'a feed mode ccxt does not have',
      { EXCHANGES: 'coinbase:watchTrades' },
      /^EXCHANGES="coinbase:watchTrades" is invalid: expected ccxt ids, each optionally id:mode/,
    ],
    [
      'an exchange listed twice with different modes',
      { EXCHANGES: 'coinbase:poll,coinbase:watchTicker' },
      /each exchange may appear once/,
    ],
    ['a port out of range', { PORT: '70000' }, /^PORT="70000" is invalid/],
    ['a port that is not a number', { PORT: 'http' }, /^PORT="http" is invalid/],
    [
      'an exchange id with capitals',
      { EXCHANGES: 'Binance' },
      /^EXCHANGES="Binance" is invalid: expected ccxt ids/,
    ],
    [
      'an exchange listed twice',
      { EXCHANGES: 'binance,binance@http://127.0.0.1:1' },
      /each exchange may appear once/,
    ],
    ['an unknown log level', { LOG_LEVEL: 'loud' }, /^LOG_LEVEL="loud" is invalid/],
    ['a maximum rate above 20', { MAX_FREQUENCY: '100' }, /^MAX_FREQUENCY="100" is invalid/],
    ['an origin that is not a URL', { ALLOWED_ORIGINS: 'dash.example.org' }, /^ALLOWED_ORIGINS=/],
    ['a DEMO switch that is not a boolean', { DEMO: 'maybe' }, /^DEMO="maybe" is invalid/],
    [
      'an admin name with a space',
      { ADMIN_USERNAME: 'the boss', ADMIN_PASSWORD: 'long-enough' },
      /^ADMIN_USERNAME=/,
    ],
    [
      'an admin without a password',
      { ADMIN_USERNAME: 'root' },
      /^ADMIN_PASSWORD=\(hidden\) is invalid: set ADMIN_USERNAME and ADMIN_PASSWORD together/,
    ],
    [
      'a session lifetime over 24 days',
      { SESSION_TTL_HOURS: '1000' },
      /^SESSION_TTL_HOURS="1000" is invalid/,
    ],
  ];
  it.each(bad)('refuses %s with one line naming the variable', (_name, env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('never prints the admin password, even when it is the wrong value', () => {
    const secret = 'short';
    expect(() => loadConfig({ ADMIN_USERNAME: 'root', ADMIN_PASSWORD: secret })).toThrow(
      /^ADMIN_PASSWORD=\(hidden\) is invalid: expected at least 8 characters$/,
    );
  });

  it('takes a PostgreSQL DATABASE_URL, refuses any other scheme, and never prints it', () => {
    expect(loadConfig({}).DATABASE_URL).toBeUndefined();
    for (const url of ['postgres://lf:pw@db:5432/livefolio', 'postgresql://db/livefolio'])
      expect(loadConfig({ DATABASE_URL: url }).DATABASE_URL).toBe(url);
    for (const url of ['mysql://lf:s3cret@db/livefolio', 'sqlite:///data/x.db', 'lf:s3cret@db'])
      expect(() => loadConfig({ DATABASE_URL: url })).toThrow(
        /^DATABASE_URL=\(hidden\) is invalid: expected postgres:\/\/user\[:password\]@host/,
      );
  });

  it('names every wrong variable, one per line', () => {
    try {
      loadConfig({ PORT: 'x', LOG_LEVEL: 'y' });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message.split('\n')).toHaveLength(2);
    }
  });
});
