import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { prepareChannel } from '../../../server/alerts/channels/channel-kinds';
import type { NewChannel } from '../../../server/alerts/channels/channel-kinds';
import { createKeyRing } from '../../../server/secrets/key-ring';
import { ChannelStore } from '../../../server/store/channel-store';
import { botToken } from '../../support/alert-stand-ins/telegram-api';
import { addUser } from '../../support/alert-stand-ins/outbox-setup';
import { ENGINES, engineAvailable, useDatabases } from '../../support/storage';

const NTFY_TOKEN = `tk_${randomBytes(15).toString('hex')}`;
const BOT_TOKEN = botToken();
const SMTP_PASSWORD = `smtp-${randomBytes(12).toString('base64url')}`;

/** One channel of each kind, each with its secret; the webhook's made by the server. */
function everyKind(): NewChannel[] {
  return [
    prepareChannel({ kind: 'webhook', name: 'hook', config: { url: 'https://hooks.example.org/livefolio' } }),
    prepareChannel({
      kind: 'ntfy',
      name: 'phone',
      config: { url: 'https://ntfy.sh/btc-alerts' },
      token: NTFY_TOKEN,
    }),
    prepareChannel({ kind: 'telegram', name: 'chat', config: { chatId: '123456789' }, botToken: BOT_TOKEN }),
    prepareChannel({
      kind: 'email',
      name: 'mail',
      config: {
        host: 'smtp.example.org',
        port: 587,
        security: 'starttls',
        user: 'alerts',
        from: 'alerts@example.org',
        to: 'me@example.org',
      },
      password: SMTP_PASSWORD,
    }),
  ];
}

/** Every form in which a secret could leak into bytes: as it is, and encoded. */
const forms = (secret: string) => {
  const bytes = Buffer.from(secret, 'utf8');
  return [secret, bytes.toString('base64'), bytes.toString('base64url'), bytes.toString('hex')];
};

describe.each(ENGINES)('alert channels on %s', (engine) => {
  const database = useDatabases(engine);

  describe.skipIf(!engineAvailable(engine))('the channel store', () => {
    it('[N7] keeps every secret sealed: the stored rows hold none of them, listing shows none', async () => {
      const db = await database();
      const storage = await db.open();
      const alice = await addUser(storage, 'alice');
      const keys = createKeyRing(randomBytes(32));
      const store = new ChannelStore(storage, keys);
      const fresh = everyKind();
      const webhookSecret = fresh[0]?.secret ?? '';
      expect(webhookSecret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
      for (const [i, channel] of fresh.entries()) await store.insert(alice, channel, Date.now() + i);
      const secrets = [webhookSecret, NTFY_TOKEN, BOT_TOKEN, SMTP_PASSWORD];

      const listed = JSON.stringify(await store.list(alice));
      for (const secret of secrets) expect(listed).not.toContain(secret);
      expect((await store.list(alice)).map((c) => c.hasSecret)).toEqual([true, true, true, true]);

      // What the database holds: its raw rows (and on SQLite, the file's bytes themselves).
      const { rows } = await sql<Record<string, unknown>>`select * from alert_channels`.execute(storage.db);
      const stored = JSON.stringify(rows);
      expect(stored).toContain('smtp.example.org');
      for (const secret of secrets) for (const form of forms(secret)) expect(stored).not.toContain(form);
      if ('file' in db.target) {
        await storage.close();
        const file = db.target.file;
        const raw = Buffer.concat(
          [file, `${file}-wal`].filter((f) => existsSync(f)).map((f) => readFileSync(f)),
        );
        expect(raw.includes(Buffer.from('hooks.example.org'))).toBe(true);
        for (const secret of secrets)
          for (const form of forms(secret)) expect(raw.includes(Buffer.from(form)), form).toBe(false);
      }

      // Only the sender gets them back.
      const reopened = new ChannelStore(await db.open(), keys);
      const targets = await Promise.all((await reopened.list(alice)).map((c) => reopened.target(c.id)));
      expect(targets.map((t) => t?.secret)).toEqual(secrets);
    });

    it('[N7] a sealed secret is bound to its channel: moved to another row, it does not open', async () => {
      const storage = await (await database()).open();
      const alice = await addUser(storage, 'alice');
      const store = new ChannelStore(storage, createKeyRing(randomBytes(32)));
      const [hook, , chat] = everyKind();
      const a = await store.insert(alice, hook!);
      const b = await store.insert(alice, chat!);
      const row = await storage.db
        .selectFrom('alert_channels')
        .select('secret')
        .where('id', '=', b.id)
        .executeTakeFirst();
      await storage.db
        .updateTable('alert_channels')
        .set({ secret: row?.secret ?? null })
        .where('id', '=', a.id)
        .execute();
      await expect(store.target(a.id)).rejects.toMatchObject({ name: 'SecretError' });
    });

    it("[N3] lists, shows and deletes only the owner's channels; deleting the user deletes them", async () => {
      const storage = await (await database()).open();
      const alice = await addUser(storage, 'alice');
      const bob = await addUser(storage, 'bob');
      const store = new ChannelStore(storage, createKeyRing(randomBytes(32)));
      const [hook, phone] = everyKind();
      const mine = await store.insert(alice, hook!);
      await store.insert(bob, phone!);
      expect(await store.get(bob, mine.id)).toBeNull();
      expect(await store.remove(bob, mine.id)).toBe(false);
      expect(await store.rename(alice, mine.id, 'server hook')).toBe(true);
      expect(await store.get(alice, mine.id)).toMatchObject({ name: 'server hook', kind: 'webhook' });
      expect(await store.count(alice)).toBe(1);
      expect(await store.remove(alice, mine.id)).toBe(true);
      expect(await store.list(alice)).toEqual([]);
      await storage.db.deleteFrom('users').where('id', '=', bob).execute();
      expect(await store.list(bob)).toEqual([]);
    });

    it('[N7] secrets sealed under a previous master key are sealed again under the current one', async () => {
      const storage = await (await database()).open();
      const alice = await addUser(storage, 'alice');
      const oldKey = randomBytes(32);
      const newKey = randomBytes(32);
      const old = new ChannelStore(storage, createKeyRing(oldKey));
      for (const [i, channel] of everyKind().entries()) await old.insert(alice, channel, Date.now() + i);
      const rotated = new ChannelStore(storage, createKeyRing(newKey, [oldKey]));
      expect(await rotated.reencryptAll()).toBe(4);
      expect(await rotated.reencryptAll()).toBe(0);
      const current = new ChannelStore(storage, createKeyRing(newKey));
      const [, phone] = await current.list(alice);
      expect((await current.target(phone!.id))?.secret).toBe(NTFY_TOKEN);
    });
  });
});
