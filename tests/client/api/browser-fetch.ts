/** The browser's fetch in node tests: relative API paths sent to a test stack's server with its session. */
import { afterEach, vi } from 'vitest';
import type { Stack } from '../../support/stack';

/** Stubs fetch so a relative path goes to the stack's server with its cookie; undone after each test. */
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
