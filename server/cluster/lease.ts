/**
 * A lease in Redis: at most one holder of a name at a time across the cluster, taken over by another instance
 * within `ttlMs` of the holder dying. For the feed leader: exchanges rate-limit by address and account, so a
 * cluster must ingest each exchange once.
 *
 * The key holds the holder's id with an expiry; the holder renews it every `ttlMs / 3`, and renews or releases
 * only while the key still holds its own id (a Lua script, atomic in Redis). A holder that cannot renew in time
 * (Redis away, the process stalled) stops acting as holder before its lease can have expired elsewhere.
 */
import type { RedisClient } from './redis';

// Renew or delete only our own lease: another instance may hold the key by now. A key gone altogether (Redis
// restarted empty) is taken back, since nobody else holds it: the holder keeps its term across a Redis restart.
const RENEW = `local held = redis.call('get', KEYS[1])
if held == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end
if held == false then redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 1 end
return 0`;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

export interface LeaseOptions {
  key: string;
  /** This instance's id, unique in the cluster. */
  holder: string;
  ttlMs: number;
  /** Called when this instance becomes the holder, and when it stops being it. */
  onChange(holding: boolean): void;
  now?: () => number;
}

/** Tries to take the lease and keep it; `stop()` releases it. */
export class Lease {
  private holding = false;
  private validUntil = 0;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private readonly now: () => number;

  constructor(
    private readonly redis: RedisClient,
    private readonly options: LeaseOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  /** True while this instance holds the lease. */
  get held(): boolean {
    return this.holding;
  }

  start(): void {
    void this.tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.holding) {
      this.set(false);
      await this.redis
        .eval(RELEASE, { keys: [this.options.key], arguments: [this.options.holder] })
        .catch(() => undefined);
    }
  }

  private async tick(): Promise<void> {
    const { key, holder, ttlMs } = this.options;
    const started = this.now();
    try {
      const ok = this.holding
        ? Number(await this.redis.eval(RENEW, { keys: [key], arguments: [holder, String(ttlMs)] })) === 1
        : (await this.redis.set(key, holder, {
            condition: 'NX',
            expiration: { type: 'PX', value: ttlMs },
          })) === 'OK';
      // Counted from before the request: the lease can only be longer in Redis than we assume.
      if (ok) this.validUntil = started + ttlMs;
      this.set(ok);
    } catch {
      // Redis away: keep acting only while the lease we last renewed cannot have expired.
      if (this.holding && this.now() >= this.validUntil - ttlMs / 3) this.set(false);
    }
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.tick(), ttlMs / 3);
    this.timer.unref();
  }

  private set(holding: boolean): void {
    if (holding === this.holding || (holding && this.stopped)) return;
    this.holding = holding;
    this.options.onChange(holding);
  }
}
