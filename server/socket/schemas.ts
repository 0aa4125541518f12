/** zod schemas of every client request: payloads are untrusted until they pass these. */
import { z } from 'zod';
import { MAX_STREAM_ID_LENGTH } from '../../lib/stream-id';
import { text } from '../errors';
import type { ErrorText } from '../errors';

// Strings only up to the longest stream id; anything longer cannot name a market and only costs memory.
const stream = z.string().min(1).max(MAX_STREAM_ID_LENGTH);

export const subscribeSchema = z.strictObject({
  streams: z.array(stream),
  maxFrequency: z.number().positive().max(1000).optional(),
});

export const unsubscribeSchema = z.strictObject({ streams: z.array(stream) });

export const emptySchema = z.strictObject({});

export const watchlistChangeSchema = z.strictObject({ stream });

/**
 * One line naming the first problem, for the error ack. The problem is zod's wording or the schema's own, in
 * English: the error is made before anyone knows the reader's language, and a schema's messages are its own text.
 */
export function describeIssues(error: z.ZodError): string | ErrorText {
  const issue = error.issues[0];
  if (!issue) return text('errors', 'requestInvalid');
  const path = issue.path.length > 0 ? issue.path.join('.') : 'request';
  return `${path}: ${issue.message}`;
}
