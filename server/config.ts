/** The environment, validated once at start: every setting of the server comes from here. */
import { z } from 'zod';
import type { FeedMode } from '../lib/protocol';
import type { ExchangeSpec } from './feeds/types';
import { MASTER_KEY_FORMAT, parseMasterKey } from './secrets/master-key';

const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

// "a, b,,c" → ["a", "b", "c"]
const splitList = (value: string) =>
  value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

// A master key's text, checked here so a malformed one stops the start before anything opens.
const masterKey = z.string().refine((text) => parseMasterKey(text) !== null, MASTER_KEY_FORMAT);

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

// One entry per exchange: a ccxt id, optionally "@<base URL>" where the same wire protocol is served.
const EXCHANGE_ENTRY = /^[a-z][a-z0-9]*(:(watchTickers|watchTicker|poll))?(@https?:\/\/[^\s,@]+)?$/;

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: int(0, 65535).default(3000),
    HOSTNAME: z.string().min(1).default('0.0.0.0'),
    EXCHANGES: z
      .string()
      .default('binance,coinbase,kraken')
      .transform(splitList)
      .pipe(
        z
          .array(
            z
              .string()
              .regex(
                EXCHANGE_ENTRY,
                'expected ccxt ids, each optionally id:mode (watchTickers, watchTicker or poll) and @http://host:port',
              ),
          )
          .min(1)
          .refine((entries) => new Set(entries.map((e) => e.split(/[@:]/)[0])).size === entries.length, {
            message: 'each exchange may appear once',
          }),
      ),
    DEMO: bool.default(false),
    DEMO_SEED: int(0, 2 ** 31 - 1).default(42),
    DEMO_PORT: int(0, 65535).default(0),
    DEMO_TICK_MS: int(20, 60_000).default(500),
    DATA_DIR: z.string().min(1).default('./data'),
    // Unset: the embedded SQLite file under DATA_DIR.
    DATABASE_URL: z
      .url({
        protocol: /^postgres(ql)?$/,
        error:
          'expected postgres://user[:password]@host[:port]/database (or postgresql://…); unset for SQLite',
      })
      .optional(),
    // Seals exchange API keys at rest; unset: a key made at the first start in DATA_DIR/secret.key.
    SECRET_KEY: masterKey.optional(),
    // Older keys, still accepted to open values until the start has sealed them again under SECRET_KEY.
    SECRET_KEY_PREVIOUS: z
      .string()
      .default('')
      .transform(splitList)
      .pipe(z.array(z.string()))
      .superRefine((keys, ctx) => {
        // Named by position: the entry itself is never shown.
        const wrong = keys.findIndex((text) => parseMasterKey(text) === null);
        if (wrong !== -1)
          ctx.addIssue({ code: 'custom', message: `entry ${wrong + 1} is not a key: ${MASTER_KEY_FORMAT}` });
      }),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    ALLOWED_ORIGINS: z.string().default('').transform(splitList).pipe(z.array(z.url())),
    MAX_FREQUENCY: z.coerce.number().min(0.1).max(20).default(4),
    MAX_STREAMS_PER_CLIENT: int(1, 1000).default(100),
    MAX_WATCHLIST: int(1, 1000).default(200),
    SLOW_CLIENT_BUFFER_BYTES: int(4096, 64 * 1024 * 1024).default(256 * 1024),
    HISTORY_SECONDS: int(60, 86_400).default(3600),
    FEED_STALL_MS: int(1000, 600_000).optional(),
    HEARTBEAT_INTERVAL_MS: int(1000, 60_000).default(10_000),
    HEARTBEAT_TIMEOUT_MS: int(1000, 60_000).default(8_000),
    EVENT_RATE_LIMIT: int(1, 100_000).default(30),
    HTTP_RATE_LIMIT: int(1, 1_000_000).default(120),
    CONNECTION_RATE_LIMIT: int(1, 1_000_000).default(60),
    ADMIN_USERNAME: z
      .string()
      .regex(/^[A-Za-z0-9._-]{1,40}$/, 'expected 1 to 40 letters, digits, dots, dashes or underscores')
      .optional(),
    ADMIN_PASSWORD: z.string().min(8, 'expected at least 8 characters').max(200).optional(),
    COOKIE_SECURE: bool.default(false),
    REDIS_URL: z
      .url({ protocol: /^rediss?$/, error: 'expected redis://[user:password@]host:port[/db] or rediss://…' })
      .optional(),
    REDIS_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9:._-]{1,40}$/, 'expected 1 to 40 letters, digits, ":", ".", "_" or "-"')
      .default('livefolio'),
    // With REDIS_URL: how long the feed leader's lease lasts; another instance takes the feeds over within it.
    FEED_LEASE_MS: int(1000, 60_000).default(5000),
    // Reverse proxies in front of the server whose X-Forwarded-For / -Proto are believed; 0 believes none.
    TRUST_PROXY: int(0, 10).default(0),
    METRICS_TOKEN: z.string().min(16, 'expected at least 16 characters').max(200).optional(),
    // 576 h = 24 days: a connection's expiry timer must stay within what setTimeout can wait (24.8 days).
    SESSION_TTL_HOURS: int(1, 576).default(168),
    PORTFOLIO_SNAPSHOT_SECONDS: int(1, 86_400).default(300),
    PORTFOLIO_HISTORY_POINTS: int(2, 100_000).default(2016),
    // Minutes between scheduled syncs of each exchange connection; 0 syncs only on adding and on demand.
    SYNC_INTERVAL_MINUTES: int(0, 10_080).default(15),
    // Alert channels (docs/alert-channels.md): webhook, ntfy and SMTP targets inside this network are refused
    // unless allowed, so that a user cannot make the server call its own neighbours.
    ALERT_PRIVATE_TARGETS: bool.default(false),
    // How long one alert delivery may take before the receiver is cut off.
    ALERT_SEND_TIMEOUT_SECONDS: int(1, 120).default(10),
    TELEGRAM_API_URL: z
      .url({ protocol: /^https?$/, error: 'expected http:// or https:// and a host' })
      .default('https://api.telegram.org'),
  })
  .refine((c) => (c.ADMIN_USERNAME === undefined) === (c.ADMIN_PASSWORD === undefined), {
    message: 'set ADMIN_USERNAME and ADMIN_PASSWORD together, or neither',
    path: ['ADMIN_PASSWORD'],
  })
  // Instances sharing one database must open each other's secrets: a key file per instance would not do.
  .refine((c) => c.SECRET_KEY !== undefined || c.DATABASE_URL === undefined || c.REDIS_URL === undefined, {
    message:
      'required when DATABASE_URL and REDIS_URL are both set: every instance of a cluster needs the same key; ' +
      'generate one with `openssl rand -base64 32` and give it to each instance',
    path: ['SECRET_KEY'],
  });

// Never echoed back, not even in an error message.
// REDIS_URL and DATABASE_URL may hold a password.
const SECRETS = new Set([
  'ADMIN_PASSWORD',
  'METRICS_TOKEN',
  'REDIS_URL',
  'DATABASE_URL',
  'SECRET_KEY',
  'SECRET_KEY_PREVIOUS',
]);

/** Every variable the server reads, in the order of the schema (README's table and .env.example list the same). */
export const CONFIG_VARIABLES = Object.keys(schema.shape);

/** The validated settings. */
export type Config = z.infer<typeof schema>;

/** A setting that is wrong, named with what it accepts. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Reads the settings from an environment; throws ConfigError with one line per wrong variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? 'environment');
    const shown = SECRETS.has(name) ? '(hidden)' : JSON.stringify(env[name] ?? '');
    return `${name}=${shown} is invalid: ${issue.message}`;
  });
  throw new ConfigError(lines.join('\n'));
}

/** `binance`, `coinbase:watchTickers` or `binance@http://host:port` entries (as the schema checked them) into specs. */
export function exchangeSpecs(entries: readonly string[]): ExchangeSpec[] {
  return entries.map((entry) => {
    const at = entry.indexOf('@');
    const [id = entry, mode] = (at === -1 ? entry : entry.slice(0, at)).split(':');
    return {
      id,
      url: at === -1 ? null : entry.slice(at + 1),
      simulated: false,
      ...(mode === undefined ? {} : { mode: mode as FeedMode }),
    };
  });
}
