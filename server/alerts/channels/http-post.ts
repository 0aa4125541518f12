/**
 * One guarded HTTP POST for the webhook, ntfy and Telegram senders: the target checked and pinned
 * (target-guard.ts), the whole exchange bounded in time (a receiver that accepts and then hangs, or trickles its
 * answer, is cut off), no redirect followed (it could lead past the check), and the answer read up to a limit.
 */
import { request as httpRequest } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { checkHost, checkScheme, pinnedLookup } from './target-guard';
import type { TargetPolicy } from './target-guard';
import { networkFailure, timeoutFailure } from './send-result';
import type { SendFailure } from './send-result';

/** An answer's status, headers and (the start of) its body. */
export interface PostAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface PostRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  policy: TargetPolicy;
  /** How the target is named in failures: its host, never the URL (a path may carry a token). */
  target?: string;
}

// Enough for any error description; a receiver that answers more is not read further.
const MAX_ANSWER_BYTES = 64 * 1024;

/** POSTs `body` to `url`; any answer (even 500) is an answer, only a failure to get one is a failure. */
export async function post(req: PostRequest): Promise<{ ok: true; answer: PostAnswer } | SendFailure> {
  const url = new URL(req.url);
  const target = req.target ?? url.host;
  const refused = checkScheme(url);
  if (refused) return refused;
  const deadline = Date.now() + req.timeoutMs;
  const checked = await withDeadline(checkHost(url.hostname, req.policy), req.timeoutMs);
  if (checked === null) return timeoutFailure(target, req.timeoutMs);
  if (!checked.ok) return checked;
  const remaining = Math.max(1, deadline - Date.now());

  return new Promise((resolve) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    let settled = false;
    const finish = (result: { ok: true; answer: PostAnswer } | SendFailure) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const request = send(
      url,
      {
        method: 'POST',
        headers: { ...req.headers, 'content-length': String(Buffer.byteLength(req.body)) },
        lookup: pinnedLookup(checked),
        // A fresh connection per send: a pooled one might have been opened to an address checked for another.
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          if (size >= MAX_ANSWER_BYTES) return;
          chunks.push(chunk);
          size += chunk.length;
        });
        response.on('end', () =>
          finish({
            ok: true,
            answer: {
              status: response.statusCode ?? 0,
              headers: response.headers,
              body: Buffer.concat(chunks).subarray(0, MAX_ANSWER_BYTES).toString('utf8'),
            },
          }),
        );
        response.on('error', (error) => finish(networkFailure(error, target)));
      },
    );
    const timer = setTimeout(() => {
      finish(timeoutFailure(target, req.timeoutMs));
      request.destroy();
    }, remaining);
    request.on('error', (error) => finish(networkFailure(error, target)));
    request.end(req.body);
  });
}

/** `work`'s value, or null when it takes longer than `ms` (a DNS lookup that hangs). */
export async function withDeadline<T>(work: Promise<T>, ms: number): Promise<T | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
