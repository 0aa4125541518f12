import { describe, expect, it } from 'vitest';
import { safeNextPath } from '../../lib/next-path';

describe('safeNextPath (where the sign-in page goes after success)', () => {
  it('keeps a path on this site, with its query', () => {
    expect(safeNextPath('/users')).toBe('/users');
    expect(safeNextPath('/?stream=binance%3ABTC%2FUSDT')).toBe('/?stream=binance%3ABTC%2FUSDT');
  });

  it.each([
    ['nothing', null],
    ['an empty string', ''],
    ['another host', 'https://evil.example.com/'],
    ['a protocol-relative URL', '//evil.example.com'],
    ['a backslash a browser reads as a slash', '/\\evil.example.com'],
    ['a tab a browser drops', '/\t/evil.example.com'],
    ['a newline a browser drops', '/\n/evil.example.com'],
    ['a relative path', 'users'],
    ['a javascript: URL', 'javascript:alert(1)'],
  ])('sends %s to the dashboard instead', (_name, next) => {
    expect(safeNextPath(next)).toBe('/');
  });
});
