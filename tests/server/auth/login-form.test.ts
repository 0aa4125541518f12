import { describe, expect, it } from 'vitest';
import { api, autoClose, TEST_ADMIN } from '../../support/stack';

// The sign-in page's form as a browser without the page's script sends it (server/http/login-form.ts): the API's
// sign-in (A2, A3) answered with redirects a browser follows.
const { start } = autoClose();

type Fields = Record<string, string>;

function postForm(url: string, fields: Fields, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${url}/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });
}

const sessionCookie = (res: Response) =>
  res.headers
    .getSetCookie()
    .find((c) => c.startsWith('livefolio_session='))
    ?.split(';')[0];

describe('the sign-in form without its script (POST /login)', () => {
  it('[A2] signs in and sends to the page asked for, with a session the API accepts', async () => {
    const stack = await start();
    const res = await postForm(stack.url, {
      ...TEST_ADMIN,
      username: ` ${TEST_ADMIN.username} `,
      next: '/users',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/users');
    const cookie = sessionCookie(res);
    expect(cookie).toBeDefined();
    expect((await api({ url: stack.url, cookie }, '/api/v1/watchlist')).status).toBe(200);
  });

  it('[A2] sends to the dashboard when no page, or a page of another host, was asked for', async () => {
    const stack = await start();
    for (const next of [
      undefined,
      '//evil.example.com/',
      'https://evil.example.com/',
      '/\\evil.example.com',
    ]) {
      const res = await postForm(stack.url, { ...TEST_ADMIN, ...(next === undefined ? {} : { next }) });
      expect(res.status, next).toBe(303);
      expect(res.headers.get('location'), next).toBe('/');
    }
  });

  it('[A2] a wrong password goes back to the form with the refusal and the page asked for, no session', async () => {
    const stack = await start();
    const res = await postForm(stack.url, {
      username: TEST_ADMIN.username,
      password: 'wrong',
      next: '/users',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/login?error=UNAUTHORIZED&next=%2Fusers');
    expect(sessionCookie(res)).toBeUndefined();
  });

  it('[A3] failures through the form and through the API count against the same limit', async () => {
    const stack = await start();
    for (let i = 0; i < 3; i++)
      await postForm(stack.url, { username: TEST_ADMIN.username, password: `guess-${i}` });
    for (let i = 0; i < 2; i++) {
      const res = await api({ url: stack.url }, '/api/v1/auth/login', {
        method: 'POST',
        body: JSON.stringify({ username: TEST_ADMIN.username, password: `guess-api-${i}` }),
      });
      expect(res.status).toBe(401);
    }
    const locked = await postForm(stack.url, TEST_ADMIN);
    expect(locked.headers.get('location')).toBe('/login?error=RATE_LIMITED');
    expect(sessionCookie(locked)).toBeUndefined();
  });

  it('[A8] is refused from a page of another site, and in any other format', async () => {
    const stack = await start();
    const crossSite = await postForm(stack.url, TEST_ADMIN, { origin: 'https://evil.example.com' });
    expect(crossSite.status).toBe(403);
    expect(sessionCookie(crossSite)).toBeUndefined();
    const json = await fetch(`${stack.url}/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(TEST_ADMIN),
      redirect: 'manual',
    });
    expect(json.status).toBe(415);
    const huge = await postForm(stack.url, { ...TEST_ADMIN, next: `/${'x'.repeat(10_000)}` });
    expect(huge.status).toBe(413);
  });

  it('[L6][A8] says why in the language of the page that sent the form', async () => {
    const stack = await start();
    const evil = { origin: 'https://evil.example.com' };
    const german = await postForm(stack.url, TEST_ADMIN, { ...evil, 'accept-language': 'de-DE' });
    expect([german.status, await german.text()]).toEqual([
      403,
      'Anfragen von diesem Ursprung sind nicht erlaubt.',
    ]);
    const english = await postForm(stack.url, TEST_ADMIN, evil);
    expect([english.status, await english.text()]).toEqual([
      403,
      'Requests from this origin are not allowed.',
    ]);
  });
});
