/** The browser's API clients (client/api) run in Node: their relative fetches go to a test server, signed in. */
import { afterEach, vi } from 'vitest';
import type { Stack } from './stack';

/** Stubs fetch so that a relative path goes to the stack's server with its session; undone after each test. */
export function browserFetch(stack: Stack): void {
  const serverFetch = globalThis.fetch;
  vi.stubGlobal('fetch', (path: string, init: RequestInit) => {
    const headers = new Headers(init.headers);
    headers.set('cookie', stack.cookie);
    return serverFetch(`${stack.url}${path}`, { ...init, headers });
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
});
