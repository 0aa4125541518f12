/**
 * The words a connection keeps (docs/protocol.md P9, docs/locales.md L6): its last error and its key's warnings.
 * Both live in JSON text columns, so each is stored with its English wording (what older versions wrote and
 * read) and its catalog key and values, and worded again in each reader's language; a row written before, or a
 * key no longer in the catalog, shows its English as stored.
 */
import type { LocaleChoice } from '../../lib/i18n/locales';
import { SERVER_CATALOGS } from '../../lib/i18n/server-catalogs';
import type { ConnectionError, KeyPermissions } from '../../lib/portfolio/connection';
import { ENGLISH, wordText } from '../errors';
import type { ErrorText } from '../errors';
import type { KeyReport } from './key-check';
import type { SyncError } from './sync-error';

/** A last error as stored: the wire's fields and, since L6, its message by key. */
export type StoredError = ConnectionError & { text?: unknown };

/** A key's permissions as stored: its warnings in English and, since L6, by key. */
export type StoredPermissions = KeyPermissions & { warnings: string[]; warningTexts?: unknown };

/** A failure as the connection records it. */
export function storedError(failure: SyncError, at: number): StoredError {
  return { code: failure.code, message: failure.message, at, text: failure.text };
}

/** A key check's report as the connection records it. */
export function storedPermissions(report: KeyReport): StoredPermissions {
  const { warnings, ...permissions } = report;
  return { ...permissions, warnings: warnings.map((w) => wordText(w, ENGLISH)), warningTexts: warnings };
}

/** The stored last error for the wire, its message in `locale`'s language. */
export function errorIn(stored: StoredError | null, locale: LocaleChoice): ConnectionError | null {
  if (!stored) return null;
  const { code, message, at } = stored;
  return { code, message: isText(stored.text) ? wordText(stored.text, locale) : message, at };
}

/** The stored permissions for the wire: the three rights, and the warnings in `locale`'s language. */
export function permissionsIn(
  stored: StoredPermissions,
  locale: LocaleChoice,
): { permissions: KeyPermissions; warnings: string[] } {
  const { read, trade, withdraw, warnings, warningTexts } = stored;
  const texts = Array.isArray(warningTexts) && warningTexts.length === warnings.length ? warningTexts : [];
  return {
    permissions: { read, trade, withdraw },
    warnings: warnings.map((english, i) => (isText(texts[i]) ? wordText(texts[i], locale) : english)),
  };
}

const english = SERVER_CATALOGS.en as unknown as Record<string, Record<string, unknown>>;

/** Whether a value read back from the database is a message the catalog still has, its values with it. */
function isText(value: unknown): value is ErrorText {
  if (typeof value !== 'object' || value === null) return false;
  const { namespace, key, values } = value as Record<string, unknown>;
  if (typeof namespace !== 'string' || typeof key !== 'string') return false;
  if (!Object.hasOwn(english, namespace) || !Object.hasOwn(english[namespace] ?? {}, key)) return false;
  if (values === undefined) return true;
  if (typeof values !== 'object' || values === null) return false;
  return Object.values(values).every((v) => typeof v === 'string' || typeof v === 'number' || isText(v));
}
