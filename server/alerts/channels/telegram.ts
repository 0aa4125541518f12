/**
 * Telegram channels (docs/alert-channels.md N2): `sendMessage` of the Bot API, whose answer is
 * `{ ok: true, result }` or `{ ok: false, error_code, description, parameters?: { retry_after } }`. The bot token
 * is part of the URL, so no URL is ever put in a failure; the dispatcher scrubs it from the words besides.
 * TELEGRAM_API_URL is the administrator's setting, not a user's, so it is not held to the private-target rule.
 */
import type { TelegramConfig } from './channel-kinds';
import { post } from './http-post';
import type { OutgoingMessage } from './message';
import { failure } from './send-result';
import type { SendResult } from './send-result';
import type { SendOptions } from './send';
import { judgeAnswer } from './webhook';

/** The Bot API's longest message text. */
const MAX_TEXT = 4096;

interface BotAnswer {
  ok?: unknown;
  error_code?: unknown;
  description?: unknown;
  parameters?: { retry_after?: unknown };
}

/** Sends the message to the chat through the bot. */
export async function sendTelegram(
  config: TelegramConfig,
  botToken: string,
  message: OutgoingMessage,
  options: SendOptions,
): Promise<SendResult> {
  const now = options.now?.() ?? Date.now();
  const base = options.telegramApiUrl.replace(/\/+$/, '');
  const target = new URL(base).host;
  const result = await post({
    url: `${base}/bot${botToken}/sendMessage`,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      chat_id: config.chatId,
      text: `${message.title}\n${message.text}`.slice(0, MAX_TEXT),
    }),
    timeoutMs: options.timeoutMs,
    policy: { ...options.policy, allowPrivate: true },
    target,
  });
  if (!result.ok) return result;
  let said: BotAnswer;
  try {
    said = JSON.parse(result.answer.body) as BotAnswer;
  } catch {
    return result.answer.status >= 300
      ? judgeAnswer(result.answer, target, now)
      : failure('BAD_ANSWER', 'badAnswer', { target }, { retry: true });
  }
  if (said.ok === true) return { ok: true };
  const status = typeof said.error_code === 'number' ? said.error_code : result.answer.status;
  const description = typeof said.description === 'string' ? said.description.slice(0, 300) : String(status);
  if (status === 401) return failure('REJECTED', 'telegramToken', {}, { retry: false, status });
  if (status === 429) {
    const seconds = said.parameters?.retry_after;
    return failure(
      'RATE_LIMITED',
      'rateLimited',
      { target: 'Telegram' },
      {
        retry: true,
        status,
        ...(typeof seconds === 'number' ? { retryAfterMs: seconds * 1000 } : {}),
      },
    );
  }
  // 400 (chat not found, bad text) and 403 (the bot was blocked or removed) stay until the user acts.
  return failure(
    'REJECTED',
    'rejected',
    { service: 'Telegram', description },
    { retry: status >= 500, status },
  );
}
