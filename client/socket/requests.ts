/** Typed requests over the dashboard's socket: each one sent with an acknowledgement and a timeout (docs/protocol.md R1). */
import type { Socket } from 'socket.io-client';
import type { ClientToServerEvents, ProtocolError, ServerToClientEvents } from '../../lib/protocol';

/** The client side of the protocol's socket. */
export type DashboardSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A request the client can send. */
export type RequestName = keyof ClientToServerEvents;
/** The payload of a request. */
export type RequestOf<E extends RequestName> = Parameters<ClientToServerEvents[E]>[0];
/** The server's answer to a request. */
export type AnswerOf<E extends RequestName> = Parameters<Parameters<ClientToServerEvents[E]>[1]>[0];
/** An answer that never came: the connection dropped or the server did not answer in time. */
export interface Unanswered {
  ok: false;
  error: ProtocolError;
  unanswered: true;
}

/** How long an acknowledgement may take before the request counts as failed. */
export const REQUEST_TIMEOUT_MS = 10_000;

/**
 * Sends a request and resolves with its answer, or with an `Unanswered` failure; never rejects. `onAnswer` runs
 * inside the acknowledgement, before any later message of the server is handled: state an answer carries must
 * be applied there, because a promise continuation runs only after the messages that arrived with the answer
 * (a diff right behind a snapshot would meet the state from before it).
 */
export function request<E extends RequestName>(
  socket: DashboardSocket,
  event: E,
  payload: RequestOf<E>,
  onAnswer?: (answer: AnswerOf<E> | Unanswered) => void,
  timeoutMs = REQUEST_TIMEOUT_MS,
): Promise<AnswerOf<E> | Unanswered> {
  return new Promise((resolve) => {
    // socket.io's typings cannot follow a generic event name through timeout(); the event maps fix both ends.
    const emit = socket.timeout(timeoutMs).emit as unknown as (
      event: E,
      payload: RequestOf<E>,
      ack: (error: Error | null, answer: AnswerOf<E>) => void,
    ) => void;
    emit.call(socket, event, payload, (error, answer) => {
      const result: AnswerOf<E> | Unanswered = error ? unanswered() : answer;
      onAnswer?.(result);
      resolve(result);
    });
  });
}

function unanswered(): Unanswered {
  return {
    ok: false,
    unanswered: true,
    error: {
      code: 'INTERNAL',
      message: 'The server did not answer: the connection was lost or is too slow.',
    },
  };
}

/** Errors worth retrying as they are: the same request may pass a moment later. */
export function isTransient(error: ProtocolError | Unanswered['error'], unanswered = false): boolean {
  return unanswered || error.code === 'RATE_LIMITED' || error.code === 'EXCHANGE_UNAVAILABLE';
}
