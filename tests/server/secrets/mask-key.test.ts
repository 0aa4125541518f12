import { describe, expect, it } from 'vitest';
import { maskKey } from '../../../server/secrets/mask-key';

describe('maskKey: what may be shown of an API key', () => {
  it('shows only the last four characters of a key longer than 8', () => {
    expect(maskKey('vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A')).toBe('••••Eh8A');
    expect(maskKey('abcdefghi')).toBe('••••fghi');
  });

  it('shows nothing of a key of 8 characters or fewer, or of no key', () => {
    for (const key of ['abcdefgh', 'abcd', 'a', '', '   ', null, undefined])
      expect(maskKey(key)).toBe('••••');
  });

  it('counts characters, not UTF-16 units, and ignores surrounding blanks', () => {
    expect(maskKey('🔑🔑🔑🔑🔑🔑🔑🔑')).toBe('••••');
    expect(maskKey('abcdefgh🔑')).toBe('••••fgh🔑');
    expect(maskKey('  abcdefgh\n')).toBe('••••');
  });
});
