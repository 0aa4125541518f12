/**
 * The bytes of an uploaded CSV file as text (docs/protocol.md P4): UTF-8 only, said plainly otherwise. Decoding
 * leniently would turn a Latin-1 "é" or a UTF-16 file into replacement characters and NULs that then fail as
 * "unknown columns" or land in notes.
 */
import { AppError } from '../errors';

const utf8 = new TextDecoder('utf-8', { fatal: true });

const SAVE_AS = 'save it as "CSV UTF-8" (comma-separated) and import it again';

/** The file as text, without a byte-order mark; BAD_REQUEST for anything that is not UTF-8. */
export function csvText(bytes: Uint8Array): string {
  const [first, second] = bytes;
  if ((first === 0xff && second === 0xfe) || (first === 0xfe && second === 0xff))
    throw new AppError('BAD_REQUEST', `The file is UTF-16 text, not UTF-8: ${SAVE_AS}.`);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new AppError(
      'BAD_REQUEST',
      `The file is not UTF-8 text (it may be Latin-1 or Windows-1252, as older spreadsheets save): ${SAVE_AS}.`,
    );
  }
  // A browser that read a Latin-1 file as UTF-8 sends its "é" as U+FFFD: the bytes were lost before they came.
  if (text.includes('\uFFFD'))
    throw new AppError(
      'BAD_REQUEST',
      `The file holds characters that were not UTF-8 when it was read (shown as \uFFFD): ${SAVE_AS}.`,
    );
  // UTF-16 without a byte-order mark decodes as UTF-8 with a NUL beside every ASCII letter.
  if (text.includes('\u0000'))
    throw new AppError('BAD_REQUEST', `The file holds NUL characters (UTF-16 text?), not UTF-8: ${SAVE_AS}.`);
  return text.replace(/^\uFEFF/, '');
}
