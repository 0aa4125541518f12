/**
 * ntfy channels (docs/alert-channels.md N2): the text published to the topic's URL, with ntfy's Title, Priority
 * and Tags headers and, for a protected topic, its access token. ntfy answers an error as JSON
 * `{ code, http, error, link }`; its `error` is what the user reads.
 */
import type { NtfyConfig } from './channel-kinds';
import { post } from './http-post';
import type { OutgoingMessage } from './message';
import { failure, retriesStatus, retryAfterMs } from './send-result';
import type { SendResult } from './send-result';
import type { SendOptions } from './send';
import { judgeAnswer } from './webhook';

/**
 * A header value as ntfy reads it: ASCII as it is, anything else as an RFC 2047 encoded word (HTTP headers carry
 * no UTF-8, and ntfy decodes that form).
 */
export const headerText = (value: string) =>
  /^[\x20-\x7e]*$/.test(value) ? value : `=?UTF-8?B?${Buffer.from(value, 'utf8').toString('base64')}?=`;

/** Publishes the message to the topic. */
export async function sendNtfy(
  config: NtfyConfig,
  token: string | null,
  message: OutgoingMessage,
  options: SendOptions,
): Promise<SendResult> {
  const now = options.now?.() ?? Date.now();
  const headers: Record<string, string> = {
    'content-type': 'text/plain; charset=utf-8',
    title: headerText(message.title),
    priority: String(config.priority ?? (message.type === 'alert.triggered' ? 4 : 3)),
    tags: (config.tags?.length ? config.tags : ['chart_with_upwards_trend']).join(','),
  };
  if (token) headers.authorization = `Bearer ${token}`;
  const target = new URL(config.url).host;
  const result = await post({
    url: config.url,
    headers,
    body: message.text,
    timeoutMs: options.timeoutMs,
    policy: options.policy,
  });
  if (!result.ok) return result;
  const { answer } = result;
  if (answer.status >= 200 && answer.status < 300) return { ok: true };
  const said = ntfyError(answer.body);
  if (!said || answer.status === 429) return judgeAnswer(answer, target, now);
  const wait = retryAfterMs(answer.headers['retry-after'], now);
  return failure(
    'REJECTED',
    'rejected',
    { service: `ntfy (${target})`, description: said },
    {
      retry: retriesStatus(answer.status),
      status: answer.status,
      ...(wait === undefined ? {} : { retryAfterMs: wait }),
    },
  );
}

/** ntfy's own words for an error answer, "unauthorized (40101)", or null when the body is not one. */
function ntfyError(body: string): string | null {
  try {
    const parsed = JSON.parse(body) as { code?: unknown; error?: unknown };
    if (typeof parsed.error !== 'string') return null;
    const words = parsed.error.slice(0, 300);
    return typeof parsed.code === 'number' ? `${words} (${parsed.code})` : words;
  } catch {
    return null;
  }
}
