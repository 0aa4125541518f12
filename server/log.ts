/** The process logger: JSON lines from pino, at LOG_LEVEL. */
import pino from 'pino';
import type { Logger } from 'pino';

/** Creates the root logger; child loggers add context (`log.child({ exchange })`). */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'livefolio' }, redact: ['req.headers.cookie', 'headers.cookie'] });
}

export type { Logger };
