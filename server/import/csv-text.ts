/**
 * The bytes of an uploaded CSV file as text (docs/protocol.md P4): UTF-8 only, said plainly otherwise. Decoding
 * leniently would turn a Latin-1 "é" or a UTF-16 file into replacement characters and NULs that then fail as
 * "unknown columns" or land in notes.
 */
import { AppError, text } from '../errors';
import type { ErrorText } from '../errors';

const utf8 = new TextDecoder('utf-8', { fatal: true });

const SAVE_AS: ErrorText = text('imports', 'saveAsUtf8');

/** A refusal saying what the file is, and what to do about it. */
const refuse = (key: 'utf16' | 'notUtf8' | 'lostCharacters' | 'nulCharacters') =>
  new AppError('BAD_REQUEST', text('imports', key, { fix: SAVE_AS }));

/** The file as text, without a byte-order mark; BAD_REQUEST for anything that is not UTF-8. */
export function csvText(bytes: Uint8Array): string {
  const [first, second] = bytes;
  if ((first === 0xff && second === 0xfe) || (first === 0xfe && second === 0xff)) throw refuse('utf16');
  let decoded: string;
  try {
    decoded = utf8.decode(bytes);
  } catch {
    throw refuse('notUtf8');
  }
  // A browser that read a Latin-1 file as UTF-8 sends its "é" as U+FFFD: the bytes were lost before they came.
  if (decoded.includes('\uFFFD')) throw refuse('lostCharacters');
  // UTF-16 without a byte-order mark decodes as UTF-8 with a NUL beside every ASCII letter.
  if (decoded.includes('\u0000')) throw refuse('nulCharacters');
  return decoded.replace(/^\uFEFF/, '');
}
