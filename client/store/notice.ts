/** The dashboard's notices: the store keeps what happened, the banner writes it in the reader's language. */
import { describeTriggered } from '../../lib/alerts';
import type { TriggeredText } from '../../lib/alerts';
import type { Translate } from '../../lib/i18n/messages/en';
import type { Alert } from '../../lib/protocol';

/** A message of the dashboard catalog. */
export type NoticeKey = Parameters<Translate<'dashboard'>>[0];

/** What a notice says, in one of three forms. */
export type NoticeMessage =
  /** The server's own words (a refusal, a protocol error), shown as they came. */
  | { text: string }
  /** A message of the dashboard catalog and its values. */
  | { key: NoticeKey; values?: Record<string, string | number> }
  /** A price alert that fired. */
  | { alert: Alert };

/** A message for the user, e.g. an unknown ticker refused. */
export type Notice = NoticeMessage & { kind: 'error' | 'info'; at: number };

/** The notice of an action tried without a connection. */
export const OFFLINE_NOTICE: NoticeMessage = { key: 'offlineAction' };

/** The text of a notice: `t` is the dashboard's messages, `alertText` the alerts' (for a fired alert's line). */
export function noticeText(
  notice: NoticeMessage,
  t: Translate<'dashboard'>,
  alertText: TriggeredText,
): string {
  if ('text' in notice) return notice.text;
  if ('key' in notice) return t(notice.key, notice.values);
  return t('alertNotice', { alert: describeTriggered(notice.alert, alertText) });
}
