import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listTokens } from '../../../client/api/tokens';

/** A fetch that answers every request with `body` as JSON. */
function answering(body: unknown, status = 200) {
  vi.stubGlobal('fetch', () => Promise.resolve(Response.json(body, { status })));
}
afterEach(() => {
  vi.unstubAllGlobals();
});

const TOKEN = {
  id: 't1',
  name: 'Grafana',
  scope: 'read',
  hint: 'Ab3d',
  createdAt: 1_700_000_000_000,
  expiresAt: null,
  lastUsedAt: null,
};

describe('answers parsed with the contract', () => {
  it('[A9] takes a token list as the contract describes it, and refuses one that is not', async () => {
    answering({ tokens: [TOKEN] });
    expect(await listTokens()).toEqual({ ok: true, data: [TOKEN] });
    for (const bad of [
      { tokens: [{ ...TOKEN, scope: 'admin' }] },
      { tokens: [{ ...TOKEN, expiresAt: '2027' }] },
      [],
    ]) {
      answering(bad);
      expect(await listTokens()).toMatchObject({ ok: false, status: 200, code: 'BAD_ANSWER' });
    }
  });

  it('[A9] passes on the server error as it was sent', async () => {
    answering({ error: { code: 'UNAUTHORIZED', message: 'Sign in first.' } }, 401);
    expect(await listTokens()).toEqual({
      ok: false,
      status: 401,
      code: 'UNAUTHORIZED',
      message: 'Sign in first.',
    });
  });

  // The dashboard's JavaScript budget (docs/performance-dashboard.md): the schemas' parser stays on the pages that
  // use it, and those pages' modules take no classic zod.
  it('keeps the contract parser out of the dashboard modules, and classic zod out of the contract pages', () => {
    const clients = resolve(__dirname, '../../../client/api');
    const imports = (file: string, seen = new Set<string>()): string[] => {
      if (seen.has(file)) return [];
      seen.add(file);
      const source = readFileSync(file, 'utf8');
      const found = [...source.matchAll(/^import (?!type )[^;]*? from '([^']+)'/gm)].map((m) => m[1] ?? '');
      return found.flatMap((name) =>
        name.startsWith('.') ? [name, ...imports(`${join(dirname(file), name)}.ts`, seen)] : [name],
      );
    };
    const contractPages = new Set(['tokens.ts', 'channels.ts', 'contract-request.ts']);
    for (const name of readdirSync(clients)) {
      const used = imports(join(clients, name));
      if (contractPages.has(name)) expect(used, name).not.toContain('zod');
      else expect(used, name).not.toContain('zod/mini');
    }
  });
});
