/** One way to answer a client request: rate limit, validate, run, acknowledge with `{ ok }` or `{ ok: false, error }`. */
import type { Socket } from 'socket.io';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { AppError, text, toAppError } from '../errors';
import { headersLocale } from '../http/request-locale';
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
  /** The events registered so far; anything else is unknown. */
  events: Set<string>;
}

/**
 * Registers `event` on the socket. A synchronous handler's answer leaves at once: whatever it changes (a room
 * joined) and the acknowledgement that reports it leave together, so no other message can come between them.
 * Handlers that read or write the database (the watchlist) return a promise and answer once it settles.
 */
export function onRequest<S extends z.ZodType, R extends object>(
  ctx: RequestContext,
  event: string,
  schema: S,
  handler: (request: z.infer<S>) => R | Promise<R>,
): void {
  ctx.events.add(event);
  ctx.socket.on(event, async (payload: unknown, ack: unknown) => {
    const reply = typeof ack === 'function' ? (ack as (answer: object) => void) : null;
    try {
      await ctx.limiter.consume(ctx.socket.id);
      // Without an acknowledgement the client could never learn the outcome: refuse rather than guess.
      if (!reply) throw new AppError('BAD_REQUEST', text('errors', 'ackRequired', { event }));
      const parsed = schema.safeParse(payload);
      if (!parsed.success) throw new AppError('BAD_REQUEST', describeIssues(parsed.error));
      const result = handler(parsed.data);
      reply({ ok: true, ...(result instanceof Promise ? await result : result) });
    } catch (error) {
      refuse(ctx, event, error, reply);
    }
  });
}

/** Answers an event the server does not know, so a client developer sees the typo, under the same rate limit. */
export function onUnknownEvent(ctx: RequestContext): void {
  ctx.socket.onAny(async (event: unknown, ...args: unknown[]) => {
    if (typeof event === 'string' && ctx.events.has(event)) return;
    const last = args.at(-1);
    const reply = typeof last === 'function' ? (last as (answer: object) => void) : null;
    const name = String(event).slice(0, 40);
    try {
      await ctx.limiter.consume(ctx.socket.id);
      throw new AppError('BAD_REQUEST', text('errors', 'unknownEvent', { name }));
    } catch (error) {
      refuse(ctx, name, error, reply);
    }
  });
}

function refuse(
  ctx: RequestContext,
  event: string,
  error: unknown,
  reply: ((answer: object) => void) | null,
) {
  const appError = toAppError(error);
  if (appError.code === 'INTERNAL') ctx.log.error({ err: error, event }, 'request failed');
  // Worded in the language of the page that opened the socket (its handshake's cookie and Accept-Language).
  const wire = appError.toProtocol(headersLocale(ctx.socket.handshake.headers));
  if (reply) reply({ ok: false, error: wire });
  else ctx.socket.emit('protocol:error', { event, ...wire });
  if (isAbusive(error)) {
    ctx.log.warn({ socket: ctx.socket.id }, 'disconnecting a client that keeps passing its rate limit');
    ctx.socket.disconnect(true);
  }
}
