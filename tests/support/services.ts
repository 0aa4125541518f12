/** The outside services some tests need (Redis; later PostgreSQL): found from the environment, or said missing. */
import { createClient } from 'redis';

/** Where Redis is: REDIS_URL, else the local default every machine of this project runs. */
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** True when a Redis at `url` answers a PING within about 2 s. */
export async function redisAnswers(url: string): Promise<boolean> {
  const client = createClient({ url, socket: { connectTimeout: 2_000, reconnectStrategy: false } });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.ping();
    return true;
  } catch {
    return false;
  } finally {
    if (client.isOpen) client.destroy();
  }
}

/**
 * True when Redis answers. Without it the tests that need it are skipped on a developer's machine, but under CI
 * (CI set) a missing service is a failure: a green run must mean those tests ran.
 */
export async function redisAvailable(): Promise<boolean> {
  if (await redisAnswers(REDIS_URL)) return true;
  if (process.env.CI) {
    throw new Error(
      `Redis does not answer at ${REDIS_URL}, and CI needs it: start it (redis-server) or set REDIS_URL.`,
    );
  }
  return false;
}
