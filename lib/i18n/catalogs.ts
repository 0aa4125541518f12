/**
 * Every language's catalog. Imported by the server's render only: a browser receives its one language's
 * messages with the page (client/i18n/provider.tsx), never the code of every catalog.
 */
import type { Language } from './locales';
import { de } from './messages/de';
import type { Catalog } from './messages/en';
import { en } from './messages/en';

export type { Catalog };

export const CATALOGS: Record<Language, Catalog> = { en, de };
