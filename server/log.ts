/** The process logger: JSON lines from pino, at LOG_LEVEL. */
import pino from 'pino';
import type { DestinationStream, Logger } from 'pino';

/** Creates the root logger, on stdout unless told otherwise; child loggers add context (`log.child({ exchange })`). */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = { level, base: { service: 'livefolio' }, redact: ['req.headers.cookie', 'headers.cookie'] };
  return destination ? pino(options, destination) : pino(options);
}

export type { Logger };
