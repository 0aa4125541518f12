/** The master key kept in a file under DATA_DIR when SECRET_KEY is unset: made once, at the first start, then reused. */
import { randomBytes } from 'node:crypto';
import { link, mkdir, open, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ConfigError } from '../config';
import { MASTER_KEY_BYTES, MASTER_KEY_FORMAT, parseMasterKey } from './master-key';

/** The key file's name under DATA_DIR. */
export const KEY_FILE_NAME = 'secret.key';

// Base64 of 32 bytes and a newline, with room for an operator's editor; anything longer is not a key.
const MAX_FILE_BYTES = 1024;

/** The key in `file`, made (mode 0600) when there is none; throws ConfigError when the file is unsafe or not a key. */
export async function readOrCreateKeyFile(file: string): Promise<{ key: Buffer; created: boolean }> {
  const existing = await readKeyFile(file);
  if (existing) return { key: existing, created: false };
  const key = randomBytes(MASTER_KEY_BYTES);
  if (await createExclusively(file, `${key.toString('base64')}\n`)) return { key, created: true };
  // Another instance on the same DATA_DIR made it first: its key is the one.
  const made = await readKeyFile(file);
  if (!made) throw new ConfigError(`The key file ${file} vanished while it was being made; start again.`);
  return { key: made, created: false };
}

// The key, or null when there is no file; refuses a file others may read, or one that holds no key.
async function readKeyFile(file: string): Promise<Buffer | null> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    throw new ConfigError(`Cannot read the key file ${file} (${errorCode(error)}).`);
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new ConfigError(`The key file ${file} is not a file.`);
    // Windows has no such mode bits; everywhere else a key others can read is no secret.
    if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0)
      throw new ConfigError(
        `The key file ${file} may be read by others (mode ${(stat.mode & 0o777).toString(8).padStart(4, '0')}): ` +
          `make it private with \`chmod 600 ${file}\`.`,
      );
    const text = stat.size > MAX_FILE_BYTES ? null : (await handle.readFile()).toString('utf8');
    const key = text === null ? null : parseMasterKey(text);
    // The content is never shown: it may be a key in a wrong format.
    if (!key)
      throw new ConfigError(
        `The key file ${file} does not hold a key (${stat.size} bytes): ${MASTER_KEY_FORMAT}. ` +
          'It is never replaced by itself: restore it from a backup, or move it away to have a new key made ' +
          '(secrets stored under the old key are then lost).',
      );
    return key;
  } finally {
    await handle.close();
  }
}

/**
 * Writes `text` to `file` only when no file is there, all at once: the text goes to a private temporary file
 * first, which is then linked to its name (a link never replaces an existing file), so no reader ever sees a
 * half-written key and two instances starting together agree on one key. False when the file already exists.
 */
async function createExclusively(file: string, text: string): Promise<boolean> {
  const dir = dirname(file);
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  let step = 'write';
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const handle = await open(temporary, 'wx', 0o600);
    try {
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    step = 'link';
    await link(temporary, file);
  } catch (error) {
    if (step === 'link' && errorCode(error) === 'EEXIST') return false;
    throw new ConfigError(`Cannot create the key file ${file} (${errorCode(error)}); check DATA_DIR.`);
  } finally {
    await unlink(temporary).catch(() => {});
  }
  await syncDirectory(dir);
  return true;
}

// The new name must outlive a power cut: values sealed under the key are written to the database right after.
async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r').catch(() => null);
  await handle?.sync().catch(() => {});
  await handle?.close();
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException | undefined)?.code ?? 'unknown error';
}
