/** One way to answer a client request: rate limit, validate, run, acknowledge with `{ ok }` or `{ ok: false, error }`. */
import type { Socket } from 'socket.io';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { AppError, toAppError } from '../errors';
import { isAbusive } from './rate-limit';
import type { RequestLimiter } from './rate-limit';
import { describeIssues } from './schemas';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnySocket = Socket<any, any, any, any>;

/** What every handler of a connection shares. */
export interface RequestContext {
  socket: AnySocket;
  limiter: RequestLimiter;
  log: Logger;
}

/**
 * Registers `event` on the socket. The handler is synchronous on purpose: whatever it changes (a room joined)
 * and the acknowledgement that reports it leave together, so no other message can come between them.
 */
export function onRequest<S extends z.ZodType, R extends object>(
  ctx: RequestContext,
  event: string,
  schema: S,
  handler: (request: z.infer<S>) => R,
): void {
  ctx.socket.on(event, async (payload: unknown, ack: unknown) => {
    if (typeof ack !== 'function') {
      // Without an acknowledgement the client could never learn the outcome: refuse rather than guess.
      ctx.socket.emit('protocol:error', {
        event,
        code: 'BAD_REQUEST',
        message: `${event} must be sent with an acknowledgement callback.`,
      });
      return;
    }
    try {
      await ctx.limiter.consume(ctx.socket.id);
      const parsed = schema.safeParse(payload);
      if (!parsed.success) throw new AppError('BAD_REQUEST', describeIssues(parsed.error));
      ack({ ok: true, ...handler(parsed.data) });
    } catch (error) {
      const appError = toAppError(error);
      if (appError.code === 'INTERNAL') ctx.log.error({ err: error, event }, 'request failed');
      ack({ ok: false, error: appError.toProtocol() });
      if (isAbusive(error)) {
        ctx.log.warn({ socket: ctx.socket.id }, 'disconnecting a client that keeps passing its rate limit');
        ctx.socket.disconnect(true);
      }
    }
  });
}
