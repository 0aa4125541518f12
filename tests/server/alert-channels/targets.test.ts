import { describe, expect, it } from 'vitest';
import { newWebhookSecret } from '../../../server/alerts/channels/channel-kinds';
import { sendToChannel } from '../../../server/alerts/channels/send';
import { isNonPublicAddress } from '../../../server/alerts/channels/target-guard';
import type { TargetPolicy } from '../../../server/alerts/channels/target-guard';
import { outgoing, standInOptions, words } from '../../support/alert-stand-ins/fixtures';
import { closing } from '../../support/alert-stand-ins/outbox-setup';
import { startNtfyServer } from '../../support/alert-stand-ins/ntfy-server';
import { startSmtpStandIn } from '../../support/alert-stand-ins/smtp-server';
import { startWebhookReceiver } from '../../support/alert-stand-ins/webhook-receiver';

/** The policy of a server without ALERT_PRIVATE_TARGETS, names resolved from `names`. */
const strict = (names: Record<string, string[]> = {}, own: string[] = []): TargetPolicy => ({
  allowPrivate: false,
  resolve: async (host) => {
    const addresses = names[host];
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  },
  ownAddresses: () => own,
});

describe('where alerts may be sent', () => {
  it.each([
    ['127.0.0.1', true],
    ['10.1.2.3', true],
    ['172.16.0.1', true],
    ['172.31.255.255', true],
    ['172.32.0.1', false],
    ['192.168.1.1', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['100.127.255.255', true],
    ['100.128.0.1', false],
    ['0.0.0.0', true],
    ['224.0.0.251', true],
    ['255.255.255.255', true],
    ['8.8.8.8', false],
    ['1.1.1.1', false],
    ['::', true],
    ['::1', true],
    ['fe80::1', true],
    ['fc00::1', true],
    ['fd12:3456:789a::1', true],
    ['ff02::1', true],
    ['::ffff:127.0.0.1', true],
    ['::ffff:7f00:1', true],
    ['::ffff:10.0.0.1', true],
    ['::ffff:8.8.8.8', false],
    ['64:ff9b::a00:1', true],
    ['2002:c0a8:101::1', true],
    // The IPv6 forms carrying an IPv4 other than the mapped one are refused whatever the IPv4 (N6).
    ['2002:808:808::1', true],
    ['64:ff9b::808:808', true],
    ['2001:0:4136:e378::1', true],
    ['fe80::1%eth0', true],
    ['2606:4700:4700::1111', false],
    ['2a00:1450:4001:80b::200e', false],
  ])('[N6] %s is %s a private, local or special address', (address, blocked) => {
    expect(isNonPublicAddress(address)).toBe(blocked);
  });

  it('[N6] a webhook on the loopback is refused unless private targets are allowed, and nothing is sent', async () => {
    const receiver = closing(await startWebhookReceiver());
    receiver.secret = newWebhookSecret();
    const channel = {
      kind: 'webhook' as const,
      config: { url: `${receiver.url}/hook` },
      secret: receiver.secret,
    };
    const refused = await sendToChannel(
      channel,
      outgoing(),
      standInOptions({ policy: { allowPrivate: false } }),
    );
    expect(refused).toMatchObject({ ok: false, code: 'REFUSED_TARGET', retry: false });
    expect(words(refused)).toBe(
      '127.0.0.1 leads to 127.0.0.1, a private or local address: alerts are not sent into the network this ' +
        'server runs in (the server administrator can allow it with ALERT_PRIVATE_TARGETS=true).',
    );
    // The same channel with ALERT_PRIVATE_TARGETS=true reaches the receiver: only the refusal stood in between.
    expect(await sendToChannel(channel, outgoing(), standInOptions())).toEqual({ ok: true });
    expect(receiver.received.all).toHaveLength(1);
  });

  it('[N6] IPv6 loopback and IPv4-mapped IPv6 literals are refused as well', async () => {
    const ntfy = closing(await startNtfyServer());
    for (const host of ['[::1]', '[::ffff:127.0.0.1]', '[::ffff:7f00:1]']) {
      const result = await sendToChannel(
        { kind: 'ntfy', config: { url: `http://${host}:${ntfy.port}/alerts` }, secret: null },
        outgoing(),
        standInOptions({ policy: strict() }),
      );
      expect(result, host).toMatchObject({ ok: false, code: 'REFUSED_TARGET' });
    }
    expect(ntfy.messages.all).toEqual([]);
  });

  it('[N6] a name is refused when any of its addresses is private, or is this server itself', async () => {
    const policy = strict(
      {
        'hooks.example.com': ['93.184.216.34', '10.0.0.5'],
        'metadata.example.com': ['169.254.169.254'],
        'me.example.com': ['198.41.0.4'],
      },
      ['198.41.0.4'],
    );
    const send = (host: string) =>
      sendToChannel(
        { kind: 'webhook', config: { url: `https://${host}/hook` }, secret: newWebhookSecret() },
        outgoing(),
        standInOptions({ policy }),
      );
    const mixed = await send('hooks.example.com');
    expect(mixed).toMatchObject({ code: 'REFUSED_TARGET', retry: false });
    expect(words(mixed)).toContain('hooks.example.com leads to 10.0.0.5');
    expect(words(await send('metadata.example.com'))).toContain('leads to 169.254.169.254, a private');
    expect(words(await send('me.example.com'))).toBe(
      'me.example.com leads to 198.41.0.4, this server itself: alerts are not sent there (the server ' +
        'administrator can allow it with ALERT_PRIVATE_TARGETS=true).',
    );
    const unknown = await send('nowhere.example.com');
    expect(unknown).toMatchObject({ code: 'UNREACHABLE', retry: true });
    expect(words(unknown)).toBe('The name nowhere.example.com could not be found: check the address.');
  });

  it('[N6] the connection goes to the address that was checked, not to a second lookup of the name', async () => {
    const receiver = closing(await startWebhookReceiver());
    receiver.secret = newWebhookSecret();
    let lookups = 0;
    // Answers the loopback first, then another address: a second lookup (as a rebinding attack relies on)
    // would lead elsewhere; the name itself resolves nowhere else (.test is reserved).
    const policy: TargetPolicy = {
      allowPrivate: true,
      resolve: async () => [{ address: lookups++ === 0 ? '127.0.0.1' : '192.0.2.1', family: 4 }],
    };
    const result = await sendToChannel(
      {
        kind: 'webhook',
        config: { url: `http://hooks.livefolio.test:${receiver.port}/hook` },
        secret: receiver.secret,
      },
      outgoing(),
      standInOptions({ policy }),
    );
    expect(result).toEqual({ ok: true });
    expect(lookups).toBe(1);
    expect((await receiver.received.atLeast(1))[0]?.verified).toBe(true);
  });

  it('[N6] only http: and https: URLs', async () => {
    for (const url of ['ftp://example.com/alerts', 'file:///etc/passwd', 'gopher://example.com/']) {
      const result = await sendToChannel(
        { kind: 'webhook', config: { url }, secret: newWebhookSecret() },
        outgoing(),
        standInOptions(),
      );
      expect(result, url).toMatchObject({ ok: false, code: 'REFUSED_TARGET', retry: false });
      expect(words(result)).toBe('Only http:// and https:// addresses can receive alerts.');
    }
  });

  it('[N6] an SMTP host on the loopback is refused the same way, and no mail goes out', async () => {
    const smtp = closing(await startSmtpStandIn());
    const channel = {
      kind: 'email' as const,
      config: {
        host: 'localhost',
        port: smtp.port,
        security: 'none' as const,
        from: 'a@b.test',
        to: 'c@d.test',
      },
      secret: null,
    };
    const refused = await sendToChannel(
      channel,
      outgoing(),
      standInOptions({ policy: strict({ localhost: ['127.0.0.1', '::1'] }) }),
    );
    expect(refused).toMatchObject({ ok: false, code: 'REFUSED_TARGET' });
    expect(words(refused)).toContain('localhost leads to 127.0.0.1');
    expect(smtp.mails.all).toEqual([]);
  });
});
