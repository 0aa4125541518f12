/** Every language's server messages (lib/i18n/server-messages/), for the server only. */
import type { Language } from './locales';
import { serverDe } from './server-messages/de';
import type { ServerCatalog } from './server-messages/en';
import { serverEn } from './server-messages/en';

export type { ServerCatalog };

export const SERVER_CATALOGS: Record<Language, ServerCatalog> = { en: serverEn, de: serverDe };
