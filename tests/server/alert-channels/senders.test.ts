import { describe, expect, it } from 'vitest';
import { newWebhookSecret } from '../../../server/alerts/channels/channel-kinds';
import { sendToChannel } from '../../../server/alerts/channels/send';
import { outgoing, standInOptions, words, firedAlert } from '../../support/alert-stand-ins/fixtures';
import { closing } from '../../support/alert-stand-ins/outbox-setup';
import { json, startHttpStandIn } from '../../support/alert-stand-ins/http-stand-in';
import { startNtfyServer } from '../../support/alert-stand-ins/ntfy-server';
import { startSmtpStandIn } from '../../support/alert-stand-ins/smtp-server';
import { botToken, startTelegramApi } from '../../support/alert-stand-ins/telegram-api';
import { startWebhookReceiver } from '../../support/alert-stand-ins/webhook-receiver';

describe('webhook channels', () => {
  it('[N2] deliver the event as JSON, signed so that the receiver verifies it, with the delivery id', async () => {
    const receiver = closing(await startWebhookReceiver());
    receiver.secret = newWebhookSecret();
    const message = outgoing(firedAlert({ note: 'take profit' }));
    const result = await sendToChannel(
      { kind: 'webhook', config: { url: `${receiver.url}/hooks/livefolio` }, secret: receiver.secret },
      message,
      standInOptions(),
    );
    expect(result).toEqual({ ok: true });
    const [hook] = await receiver.received.atLeast(1);
    expect(hook).toMatchObject({ verified: true, deliveryId: message.id, event: 'alert.triggered' });
    expect(hook?.body).toEqual({
      id: message.id,
      type: 'alert.triggered',
      createdAt: message.createdAt,
      alert: message.alert,
      text: 'BTC/USDT on binance is above 50000 (last 50012.5): take profit',
    });
  });

  it('[N2] a receiver with another secret refuses the signature; its 401 is not retried', async () => {
    const receiver = closing(await startWebhookReceiver());
    receiver.secret = newWebhookSecret();
    const result = await sendToChannel(
      { kind: 'webhook', config: { url: receiver.url }, secret: newWebhookSecret() },
      outgoing(),
      standInOptions(),
    );
    expect(result).toMatchObject({ ok: false, code: 'HTTP_STATUS', status: 401, retry: false });
    expect(words(result)).toBe(`127.0.0.1:${receiver.port} answered with HTTP status 401.`);
    expect((await receiver.received.atLeast(1))[0]?.verified).toBe(false);
  });

  it('[N2] the signed time is checked: a receiver whose clock is 6 minutes ahead refuses the request as a replay', async () => {
    const receiver = closing(await startWebhookReceiver({ now: () => Date.now() + 6 * 60_000 }));
    receiver.secret = newWebhookSecret();
    const channel = { kind: 'webhook' as const, config: { url: receiver.url }, secret: receiver.secret };
    expect(await sendToChannel(channel, outgoing(), standInOptions())).toMatchObject({ status: 401 });
    // The same receiver, with the request signed at its own time, accepts it: only the time differed.
    const signedAhead = standInOptions({ now: () => Date.now() + 6 * 60_000 });
    expect(await sendToChannel(channel, outgoing(), signedAhead)).toEqual({ ok: true });
  });

  it('[N4] a 5xx is retried; a 429 carries the Retry-After the receiver asked for', async () => {
    const receiver = closing(await startWebhookReceiver());
    receiver.secret = newWebhookSecret();
    receiver.answers.push({ status: 503 }, { status: 429, headers: { 'retry-after': '120' } });
    const channel = { kind: 'webhook' as const, config: { url: receiver.url }, secret: receiver.secret };
    expect(await sendToChannel(channel, outgoing(), standInOptions())).toMatchObject({
      code: 'HTTP_STATUS',
      status: 503,
      retry: true,
    });
    expect(await sendToChannel(channel, outgoing(), standInOptions())).toMatchObject({
      code: 'RATE_LIMITED',
      status: 429,
      retry: true,
      retryAfterMs: 120_000,
    });
  });
});

describe('ntfy channels', () => {
  it('[N2] publish the text to the topic with a title, priority and tags, the access token on a protected topic', async () => {
    const ntfy = closing(await startNtfyServer());
    const token = 'tk_AgQdq7mVBoFD37zQVN29RhuMzNIz2';
    ntfy.protectedTopics.set('price-alerts', token);
    const result = await sendToChannel(
      { kind: 'ntfy', config: { url: `${ntfy.url}/price-alerts`, tags: ['moneybag'] }, secret: token },
      outgoing(),
      standInOptions(),
    );
    expect(result).toEqual({ ok: true });
    expect((await ntfy.messages.atLeast(1))[0]).toEqual({
      topic: 'price-alerts',
      message: 'BTC/USDT on binance is above 50000 (last 50012.5)',
      title: 'Livefolio alert',
      priority: 4,
      tags: ['moneybag'],
    });
  });

  it('[N2] a title beyond ASCII arrives intact (sent as an encoded word, as ntfy reads it)', async () => {
    const ntfy = closing(await startNtfyServer());
    const message = { ...outgoing(), title: 'Preisalarm für Bitcoin 🚀' };
    await sendToChannel(
      { kind: 'ntfy', config: { url: `${ntfy.url}/alerts` }, secret: null },
      message,
      standInOptions(),
    );
    expect((await ntfy.messages.atLeast(1))[0]?.title).toBe('Preisalarm für Bitcoin 🚀');
  });

  it("[N4] ntfy's own words for a refusal; a wrong token is not retried and never shown", async () => {
    const ntfy = closing(await startNtfyServer());
    ntfy.protectedTopics.set('private', 'tk_rightrightrightright');
    const wrong = 'tk_wrongwrongwrongwrong';
    const channel = { kind: 'ntfy' as const, config: { url: `${ntfy.url}/private` }, secret: wrong };
    const refused = await sendToChannel(channel, outgoing(), standInOptions());
    expect(refused).toMatchObject({ ok: false, code: 'REJECTED', status: 403, retry: false });
    expect(words(refused)).toBe(`ntfy (127.0.0.1:${ntfy.port}) refused the message: forbidden (40301)`);
    expect(JSON.stringify(refused)).not.toContain(wrong);

    ntfy.limitNext = 1;
    const open = { kind: 'ntfy' as const, config: { url: `${ntfy.url}/open` }, secret: null };
    expect(await sendToChannel(open, outgoing(), standInOptions())).toMatchObject({
      code: 'RATE_LIMITED',
      retry: true,
    });
  });
});

describe('Telegram channels', () => {
  it('[N2] send the title and text to the chat through the Bot API', async () => {
    const telegram = closing(await startTelegramApi());
    const result = await sendToChannel(
      { kind: 'telegram', config: { chatId: '123456789' }, secret: telegram.token },
      outgoing(),
      standInOptions({ telegramApiUrl: telegram.url }),
    );
    expect(result).toEqual({ ok: true });
    expect((await telegram.sent.atLeast(1))[0]).toEqual({
      token: telegram.token,
      chatId: '123456789',
      text: 'Livefolio alert\nBTC/USDT on binance is above 50000 (last 50012.5)',
    });
  });

  it('[N4] a wrong token is "Unauthorized", a wrong chat "chat not found": neither retried, no token in the words', async () => {
    const telegram = closing(await startTelegramApi());
    const options = standInOptions({ telegramApiUrl: telegram.url });
    const wrongToken = botToken();
    const unauthorized = await sendToChannel(
      { kind: 'telegram', config: { chatId: '123456789' }, secret: wrongToken },
      outgoing(),
      options,
    );
    expect(unauthorized).toMatchObject({ ok: false, code: 'REJECTED', status: 401, retry: false });
    expect(words(unauthorized)).toContain('Telegram refused the bot token (Unauthorized)');
    expect(JSON.stringify(unauthorized)).not.toContain(wrongToken);

    const noChat = await sendToChannel(
      { kind: 'telegram', config: { chatId: '987' }, secret: telegram.token },
      outgoing(),
      options,
    );
    expect(noChat).toMatchObject({ ok: false, code: 'REJECTED', status: 400, retry: false });
    expect(words(noChat)).toBe('Telegram refused the message: Bad Request: chat not found');
  });

  it('[N4] flood control: retried after the retry_after Telegram gives', async () => {
    const telegram = closing(await startTelegramApi());
    telegram.floodNext = 1;
    telegram.retryAfterSeconds = 34;
    const result = await sendToChannel(
      { kind: 'telegram', config: { chatId: '123456789' }, secret: telegram.token },
      outgoing(),
      standInOptions({ telegramApiUrl: telegram.url }),
    );
    expect(result).toMatchObject({ code: 'RATE_LIMITED', retry: true, retryAfterMs: 34_000 });
  });

  it('[N7] a token in a failure is scrubbed, even where a receiver echoes it back', async () => {
    const telegram = closing(await startTelegramApi());
    // A proxy in front of the Bot API that answers with the path it was asked for: the token is in it.
    const echo = closing(
      await startHttpStandIn((req, _body, res) =>
        json(res, 502, { ok: false, error_code: 502, description: `Bad Gateway: ${req.url}` }),
      ),
    );
    const result = await sendToChannel(
      { kind: 'telegram', config: { chatId: '123456789' }, secret: telegram.token },
      outgoing(),
      standInOptions({ telegramApiUrl: echo.url }),
    );
    expect(result).toMatchObject({ ok: false, code: 'REJECTED', retry: true });
    expect(words(result)).toContain('/bot***/sendMessage');
    expect(JSON.stringify(result)).not.toContain(telegram.token);
  });
});

describe('email channels', () => {
  const config = (port: number, user?: string) => ({
    host: '127.0.0.1',
    port,
    security: 'none' as const,
    from: 'alerts@livefolio.test',
    to: 'me@example.org',
    ...(user ? { user } : {}),
  });

  it('[N2] send a mail with the alert as subject and text, signed in with the user and password', async () => {
    const password = 'smtp-password-7f3a9c';
    const smtp = closing(await startSmtpStandIn({ auth: { user: 'livefolio', pass: password } }));
    const message = outgoing();
    const result = await sendToChannel(
      { kind: 'email', config: config(smtp.port, 'livefolio'), secret: password },
      message,
      standInOptions(),
    );
    expect(result).toEqual({ ok: true });
    const [mail] = await smtp.mails.atLeast(1);
    expect(mail).toMatchObject({
      from: 'alerts@livefolio.test',
      to: ['me@example.org'],
      user: 'livefolio',
      subject: 'Livefolio alert: BTC/USDT on binance is above 50000 (last 50012.5)',
      text: 'BTC/USDT on binance is above 50000 (last 50012.5)\n',
    });
    expect(mail?.headers['x-livefolio-delivery']).toBe(message.id);
  });

  it('[N4] a wrong password and a refused recipient are not retried; the password is never in the words', async () => {
    const smtp = closing(await startSmtpStandIn({ auth: { user: 'livefolio', pass: 'right-password' } }));
    const wrong = 'wrong-password-3e1d';
    const refused = await sendToChannel(
      { kind: 'email', config: config(smtp.port, 'livefolio'), secret: wrong },
      outgoing(),
      standInOptions(),
    );
    expect(refused).toMatchObject({ ok: false, code: 'REJECTED', retry: false });
    expect(words(refused)).toBe('The mail server 127.0.0.1 refused the user name or password.');
    expect(JSON.stringify(refused)).not.toContain(wrong);

    smtp.refusedRecipients.add('me@example.org');
    const bounced = await sendToChannel(
      { kind: 'email', config: config(smtp.port, 'livefolio'), secret: 'right-password' },
      outgoing(),
      standInOptions(),
    );
    expect(bounced).toMatchObject({ ok: false, code: 'REJECTED', retry: false });
    expect(words(bounced)).toMatch(
      /^The mail server 127\.0\.0\.1 refused the message: 550 .*Mailbox unavailable/,
    );
  });

  it('[N5] a mail server that takes the message and never answers is cut off at the timeout', async () => {
    const smtp = closing(await startSmtpStandIn());
    smtp.hang = true;
    const started = Date.now();
    const result = await sendToChannel(
      { kind: 'email', config: config(smtp.port), secret: null },
      outgoing(),
      standInOptions({ timeoutMs: 500 }),
    );
    expect(result).toMatchObject({ ok: false, code: 'TIMEOUT', retry: true });
    expect(words(result)).toBe('127.0.0.1 did not answer within 1 s; the alert is sent again later.');
    expect(smtp.swallowed.all).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(2_500);
  });
});
