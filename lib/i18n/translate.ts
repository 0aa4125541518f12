/**
 * Messages to text: `{name}` placeholders filled from values (numbers written in the reader's locale), and plural
 * messages picked by `Intl.PluralRules` from `count`. The platform does the locale work; this file only looks up.
 */
import { numberFormat, pluralRules } from './intl-cache';
import type { LocaleChoice } from './locales';

/** A message with a form for each plural category the language uses; `other` is always there. */
export interface PluralMessage {
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}

export type Message = string | PluralMessage;

/** Values for a message's placeholders; numbers are formatted in the reader's locale. */
export type MessageValues = Record<string, string | number>;

/** A catalog: namespaces of messages, one namespace per screen or shared part. */
export type Messages = Record<string, Record<string, Message>>;

const PLACEHOLDER = /\{(\w+)\}/g;

/** The text of `message` with its placeholders filled; a placeholder without a value stays visible as `{name}`. */
export function formatMessage(
  message: Message,
  values: MessageValues | undefined,
  locale: LocaleChoice,
): string {
  let text: string;
  if (typeof message === 'string') text = message;
  else {
    const count = Number(values?.count ?? 0);
    text = message[pluralRules(locale.language).select(count)] ?? message.other;
  }
  if (!values) return text;
  const numbers = numberFormat(locale.formatLocale);
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? numbers.format(value) : value;
  });
}

/** Looks messages up by namespace and key; a key the catalog lacks shows as itself rather than as nothing. */
export function createTranslator<M extends Messages>(messages: M, locale: LocaleChoice) {
  return <N extends keyof M & string>(
    namespace: N,
    key: keyof M[N] & string,
    values?: MessageValues,
  ): string => {
    const message = messages[namespace]?.[key];
    return message === undefined ? `${namespace}.${key}` : formatMessage(message, values, locale);
  };
}
