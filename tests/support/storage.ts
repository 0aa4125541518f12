/** The storage suite's databases: each test gets an empty one, on SQLite (removed after it) or PostgreSQL (a schema of its own). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openStorage } from '../../server/store/db';
import type { Engine, Storage, StorageTarget } from '../../server/store/db';
import { freshSchema, postgresAvailable } from './services';

/** Every engine the stores run on; the storage suite runs the same tests on each. */
export const ENGINES: readonly Engine[] = ['sqlite', 'postgres'];

const postgresUp = await postgresAvailable();

/** False for PostgreSQL when it does not answer (and CI is not set: then postgresAvailable throws). */
export const engineAvailable = (engine: Engine) => engine === 'sqlite' || postgresUp;

/** An empty database of one engine: where it is, and how to open it (again). */
export interface TestDatabase {
  target: StorageTarget;
  /** Opens and migrates it; closed after the test. */
  open(): Promise<Storage>;
}

/** Call in a describe block: returns a maker of empty databases, every one removed after each test. */
export function useDatabases(engine: Engine): () => Promise<TestDatabase> {
  const cleanups: Array<() => Promise<void>> = [];
  const opened: Storage[] = [];
  afterEach(async () => {
    for (const storage of opened.splice(0)) await storage.close();
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });
  return async () => {
    let target: StorageTarget;
    if (engine === 'postgres') {
      target = { url: (await freshSchema()).url };
    } else {
      const dir = mkdtempSync(join(tmpdir(), 'livefolio-store-'));
      cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
      target = { file: join(dir, 'test.db') };
    }
    return {
      target,
      async open() {
        const storage = await openStorage(target);
        opened.push(storage);
        return storage;
      },
    };
  };
}
