/**
 * A Telegram Bot API stand-in (core.telegram.org/bots/api): `POST /bot<token>/sendMessage` with JSON
 * `{ chat_id, text }`, answered `{ ok: true, result: Message }` or `{ ok: false, error_code, description,
 * parameters? }`: 401 "Unauthorized" for a token it does not know, 400 "Bad Request: chat not found" for a chat
 * the bot has none with, 429 "Too Many Requests: retry after N" with `parameters.retry_after` when flooded.
 */
import { Arrivals, json, startHttpStandIn } from './http-stand-in';
import type { HttpStandIn } from './http-stand-in';

export interface TelegramSent {
  token: string;
  chatId: string;
  text: string;
}

export interface TelegramApi extends HttpStandIn {
  sent: Arrivals<TelegramSent>;
  /** The bot's token: `<digits>:<35 characters>`. */
  token: string;
  /** Chats the bot can write to. */
  chats: Set<string>;
  /** While above 0, sendMessage is answered 429 with this retry_after (seconds). */
  floodNext: number;
  retryAfterSeconds: number;
}

const TOKEN = /^\d+:[A-Za-z0-9_-]{35}$/;

const refuse = (error_code: number, description: string, parameters?: Record<string, number>) => ({
  ok: false,
  error_code,
  description,
  ...(parameters ? { parameters } : {}),
});

/** A token of the Bot API's form, unique per call. */
export function botToken(): string {
  const id = 100_000_000 + Math.floor(Math.random() * 800_000_000);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
  const tail = Array.from({ length: 35 }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join(
    '',
  );
  return `${id}:${tail}`;
}

export async function startTelegramApi(): Promise<TelegramApi> {
  const state = {
    sent: new Arrivals<TelegramSent>(),
    token: botToken(),
    chats: new Set<string>(['123456789']),
    floodNext: 0,
    retryAfterSeconds: 1,
    messageId: 0,
  };
  const server = await startHttpStandIn((req, body, res) => {
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec((req.url ?? '').split('?')[0] ?? '');
    if (!match) return json(res, 404, refuse(404, 'Not Found'));
    const [, token = '', method = ''] = match;
    if (!TOKEN.test(token) || token !== state.token) return json(res, 401, refuse(401, 'Unauthorized'));
    // Method names are case-insensitive in the Bot API.
    if (method.toLowerCase() !== 'sendmessage')
      return json(res, 404, refuse(404, 'Not Found: method not found'));
    let params: Record<string, unknown>;
    try {
      params = JSON.parse(body.toString('utf8') || '{}') as Record<string, unknown>;
    } catch {
      return json(res, 400, refuse(400, "Bad Request: can't parse JSON object"));
    }
    if (params.chat_id === undefined) return json(res, 400, refuse(400, 'Bad Request: chat_id is empty'));
    const chatId = String(params.chat_id);
    if (typeof params.text !== 'string' || params.text.trim() === '')
      return json(res, 400, refuse(400, 'Bad Request: message text is empty'));
    if (!state.chats.has(chatId)) return json(res, 400, refuse(400, 'Bad Request: chat not found'));
    if (state.floodNext > 0) {
      state.floodNext -= 1;
      const wait = state.retryAfterSeconds;
      return json(res, 429, refuse(429, `Too Many Requests: retry after ${wait}`, { retry_after: wait }));
    }
    state.sent.push({ token, chatId, text: params.text });
    state.messageId += 1;
    json(res, 200, {
      ok: true,
      result: {
        message_id: state.messageId,
        from: { id: Number(token.split(':')[0]), is_bot: true, first_name: 'Livefolio test bot' },
        chat: { id: Number(chatId), type: 'private' },
        date: Math.floor(Date.now() / 1000),
        text: params.text,
      },
    });
  });
  return Object.assign(state, server);
}
