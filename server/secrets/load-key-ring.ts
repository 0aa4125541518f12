/** The key ring at start: SECRET_KEY (and SECRET_KEY_PREVIOUS), else the key file under DATA_DIR. */
import { join } from 'node:path';
import type { Logger } from 'pino';
import { ConfigError } from '../config';
import type { Config } from '../config';
import { KEY_FILE_NAME, readOrCreateKeyFile } from './key-file';
import { createKeyRing } from './key-ring';
import type { KeyRing } from './key-ring';
import { MASTER_KEY_FORMAT, parseMasterKey } from './master-key';

/** The settings the key ring is made from. */
export type KeyRingConfig = Pick<Config, 'SECRET_KEY' | 'SECRET_KEY_PREVIOUS' | 'DATA_DIR'>;

/**
 * Loads the key ring; throws ConfigError when a key is malformed or the key file is unsafe. Logs where the key
 * came from and its fingerprint, never the key.
 */
export async function loadKeyRing(config: KeyRingConfig, log: Logger): Promise<KeyRing> {
  const previous = config.SECRET_KEY_PREVIOUS.map((text, i) =>
    decode(text, `SECRET_KEY_PREVIOUS (entry ${i + 1})`),
  );
  let current: Buffer;
  let source: string;
  if (config.SECRET_KEY !== undefined) {
    current = decode(config.SECRET_KEY, 'SECRET_KEY');
    source = 'SECRET_KEY';
  } else {
    source = join(config.DATA_DIR, KEY_FILE_NAME);
    const { key, created } = await readOrCreateKeyFile(source);
    current = key;
    if (created)
      log.warn(
        { file: source },
        'made a new secret key: back this file up; without it, stored exchange API keys must be entered again',
      );
  }
  const ring = createKeyRing(current, previous);
  log.info({ source, keyId: ring.keyId, previousKeyIds: ring.previousKeyIds }, 'secret key ready');
  return ring;
}

// The config has checked the format already; this is for a config built some other way. The text is never shown.
function decode(text: string, name: string): Buffer {
  const key = parseMasterKey(text);
  if (!key) throw new ConfigError(`${name} is invalid: ${MASTER_KEY_FORMAT}`);
  return key;
}
