/**
 * Alert channels through the real server: added with the API, an alert set with the API fires on the demo market,
 * and each stand-in receiver gets it; a test message, a failing receiver, and the channel's language.
 */
import { describe, expect, it } from 'vitest';
import { closing } from '../../support/alert-stand-ins/outbox-setup';
import { startNtfyServer } from '../../support/alert-stand-ins/ntfy-server';
import { startSmtpStandIn } from '../../support/alert-stand-ins/smtp-server';
import { startTelegramApi } from '../../support/alert-stand-ins/telegram-api';
import { startWebhookReceiver } from '../../support/alert-stand-ins/webhook-receiver';
import type { Loose, Stack } from '../../support/stack';
import { api, autoClose, send, waitFor } from '../../support/stack';

const { start } = autoClose();
const BTC = 'binance:BTC/USDT';

/** A stack whose channels may reach the stand-ins on 127.0.0.1. */
const startAllowed = (env: Record<string, string> = {}) =>
  start({ env: { ALERT_PRIVATE_TARGETS: 'true', ...env } });

/** An alert on BTC/USDT that the next tick fires: the market is far above a hundred-millionth. */
async function fireAlert(stack: Stack, note?: string): Promise<void> {
  await waitFor(() => typeof stack.app.market.get(BTC)?.last === 'number', 10_000, 'a BTC price');
  const set = await send(stack, 'POST', '/api/v1/alerts', {
    stream: BTC,
    condition: 'above',
    price: '0.00000001',
    ...(note ? { note } : {}),
  });
  expect(set.status).toBe(201);
}

async function addChannel(stack: Stack, body: object, language = 'en'): Promise<Loose> {
  const res = await api(stack, '/api/v1/channels', {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'accept-language': language },
  });
  const answer = (await res.json()) as Loose;
  expect(res.status, JSON.stringify(answer)).toBe(201);
  return answer;
}

const listChannels = async (stack: Stack, language = 'en'): Promise<Loose[]> => {
  const res = await api(stack, '/api/v1/channels', { headers: { 'accept-language': language } });
  return ((await res.json()) as Loose).channels as Loose[];
};

describe('alert channels through the API', () => {
  it('[N9][N3] a fired alert reaches a webhook (signed), ntfy, Telegram and a mailbox', async () => {
    const [receiver, ntfy, telegram, smtp] = await Promise.all([
      startWebhookReceiver(),
      startNtfyServer(),
      startTelegramApi(),
      startSmtpStandIn({ auth: { user: 'livefolio', pass: 'smtp-password-1' } }),
    ]).then((standIns) => standIns.map(closing) as typeof standIns);
    ntfy.protectedTopics.set('btc', 'tk_ntfytoken0123456789');
    const stack = await startAllowed({ TELEGRAM_API_URL: telegram.url });

    const hook = await addChannel(stack, { kind: 'webhook', name: 'Hook', url: `${receiver.url}/hook` });
    expect(hook.signingSecret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(hook.channel).toMatchObject({ kind: 'webhook', name: 'Hook', hasSecret: true, lastOkAt: null });
    receiver.secret = hook.signingSecret as string;
    const phone = await addChannel(stack, {
      kind: 'ntfy',
      name: 'Phone',
      url: `${ntfy.url}/btc`,
      priority: 5,
      secret: 'tk_ntfytoken0123456789',
    });
    expect(phone.signingSecret).toBeUndefined();
    await addChannel(stack, { kind: 'telegram', name: 'Chat', chatId: '123456789', secret: telegram.token });
    await addChannel(stack, {
      kind: 'email',
      name: 'Mail',
      host: smtp.host,
      port: smtp.port,
      security: 'none',
      user: 'livefolio',
      secret: 'smtp-password-1',
      from: 'alerts@example.org',
      to: 'me@example.org',
    });

    await fireAlert(stack, 'take profit');
    const line = /^BTC\/USDT on binance is above 0\.00000001 \(last [\d.]+\): take profit$/;
    const [hooked] = await receiver.received.atLeast(1);
    expect(hooked).toMatchObject({ verified: true, event: 'alert.triggered' });
    expect(hooked?.body).toMatchObject({
      type: 'alert.triggered',
      alert: { stream: BTC, note: 'take profit' },
    });
    expect(hooked?.body.text).toMatch(line);
    expect(hooked?.deliveryId).toBe(hooked?.body.id);
    const [pushed] = await ntfy.messages.atLeast(1);
    expect(pushed).toMatchObject({ topic: 'btc', title: 'Livefolio alert', priority: 5 });
    expect(pushed?.message).toMatch(line);
    const [chat] = await telegram.sent.atLeast(1);
    expect(chat?.chatId).toBe('123456789');
    expect(chat?.text.split('\n')[1]).toMatch(line);
    const [mail] = await smtp.mails.atLeast(1);
    expect(mail).toMatchObject({ user: 'livefolio', to: ['me@example.org'] });
    expect(mail?.text.trim()).toMatch(line);

    // Each channel shows the send that went through.
    await waitFor(
      async () => (await listChannels(stack)).every((c) => c.lastOkAt !== null),
      5_000,
      'lastOkAt',
    );
    for (const channel of await listChannels(stack))
      expect(channel.recent[0]).toMatchObject({
        type: 'alert.triggered',
        status: 'sent',
        attempts: 1,
        error: null,
      });
    // One firing, one message per channel.
    expect(receiver.received.all).toHaveLength(1);
  });

  it("[N1] each channel's message is worded in the language of the request that added it", async () => {
    const ntfy = closing(await startNtfyServer());
    const stack = await startAllowed();
    await addChannel(stack, { kind: 'ntfy', name: 'Deutsch', url: `${ntfy.url}/de` }, 'de-DE');
    await addChannel(stack, { kind: 'ntfy', name: 'English', url: `${ntfy.url}/en` }, 'en-US');
    await fireAlert(stack);
    const messages = await ntfy.messages.atLeast(2);
    const byTopic = Object.fromEntries(messages.map((m) => [m.topic, m]));
    expect(byTopic.de).toMatchObject({ title: 'Livefolio-Alarm' });
    expect(byTopic.de?.message).toMatch(/^BTC\/USDT auf binance liegt über 0\.00000001/);
    expect(byTopic.en).toMatchObject({ title: 'Livefolio alert' });
    expect(byTopic.en?.message).toMatch(/^BTC\/USDT on binance is above 0\.00000001/);
  });

  it('[N11] "Send test" reaches the receiver, and the list shows it sent', async () => {
    const receiver = closing(await startWebhookReceiver());
    const stack = await startAllowed();
    const { channel, signingSecret } = await addChannel(stack, {
      kind: 'webhook',
      name: 'Hook',
      url: `${receiver.url}/hook`,
    });
    receiver.secret = signingSecret as string;
    const res = await send(stack, 'POST', `/api/v1/channels/${channel.id}/test`, {});
    expect(res.status).toBe(202);
    expect(res.body.delivery).toMatchObject({ type: 'channel.test' });
    const [got] = await receiver.received.atLeast(1);
    expect(got).toMatchObject({ verified: true, event: 'channel.test', deliveryId: res.body.delivery.id });
    expect(got?.body).toMatchObject({ type: 'channel.test' });
    expect(got?.body).not.toHaveProperty('alert');
    await waitFor(
      async () => (await listChannels(stack))[0]?.recent[0]?.status === 'sent',
      5_000,
      'the test shown as sent',
    );
    const [shown] = await listChannels(stack);
    expect(shown?.recent[0]).toMatchObject({
      id: res.body.delivery.id,
      type: 'channel.test',
      sentAt: expect.any(Number),
    });
    expect(shown?.lastOkAt).toEqual(expect.any(Number));
  });

  it("[N8][N4] a receiver's failure is on the list, worded in the reader's language", async () => {
    const receiver = closing(await startWebhookReceiver());
    const stack = await startAllowed();
    const { channel, signingSecret } = await addChannel(stack, {
      kind: 'webhook',
      name: 'Gone',
      url: `${receiver.url}/hook`,
    });
    receiver.secret = signingSecret as string;
    receiver.answers.push({ status: 410 });
    await send(stack, 'POST', `/api/v1/channels/${channel.id}/test`, {});
    await receiver.received.atLeast(1);
    await waitFor(async () => (await listChannels(stack))[0]?.lastError !== null, 5_000, 'lastError');
    const [english] = await listChannels(stack);
    expect(english).toMatchObject({
      lastOkAt: null,
      lastError: { code: 'HTTP_STATUS', message: expect.stringContaining('HTTP status 410') },
      lastErrorAt: expect.any(Number),
    });
    // A 4xx will not get better: failed for good after one attempt.
    expect(english?.recent[0]).toMatchObject({
      status: 'failed',
      attempts: 1,
      error: { code: 'HTTP_STATUS' },
    });
    const [german] = await listChannels(stack, 'de');
    expect(german?.lastError.message).toContain('HTTP-Status 410');
  });
});
