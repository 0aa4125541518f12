/** The dashboard's notices as the banner writes them: the server's words as they came, the page's own in each language. */
import { describe, expect, it } from 'vitest';
import { noticeText, OFFLINE_NOTICE } from '../../../client/store/notice';
import type { NoticeMessage } from '../../../client/store/notice';
import type { Language } from '../../../lib/i18n/locales';
import type { Alert } from '../../../lib/protocol';
import { translatorFor } from '../../support/i18n';

const writer = (language: Language) => (notice: NoticeMessage) =>
  noticeText(notice, translatorFor('dashboard', language), translatorFor('alerts', language));

const inEnglish = writer('en');
const inGerman = writer('de');

const alert: Alert = {
  id: 'a1',
  kind: 'price',
  stream: 'binance:BTC/USDT',
  condition: 'above',
  price: '50000',
  note: null,
  channels: [],
  createdAt: 1,
  triggeredAt: 2,
  triggeredPrice: '50012.5',
};

describe('notice texts', () => {
  it("shows the server's own words unchanged in every language", () => {
    const refusal = { text: 'binance has no market "FOO/USDT".' };
    expect(inEnglish(refusal)).toBe('binance has no market "FOO/USDT".');
    expect(inGerman(refusal)).toBe('binance has no market "FOO/USDT".');
  });

  it('writes the page’s own notices in the reader’s language, the English ones as they always were', () => {
    expect(inEnglish(OFFLINE_NOTICE)).toBe('offline: try again when connected');
    const history: NoticeMessage = { key: 'historyFailed', values: { status: '503' } };
    expect(inEnglish(history)).toBe('Price history could not be loaded (HTTP 503).');
    expect(inGerman(history)).toBe('Der Kursverlauf konnte nicht geladen werden (HTTP 503).');
    const nothing: NoticeMessage = { key: 'noMarketMatches', values: { query: 'FOO', exchange: 'Binance' } };
    expect(inEnglish(nothing)).toBe('No market matches “FOO” on Binance.');
    expect(inGerman(nothing)).toBe('Kein Markt auf Binance passt zu „FOO“.');
  });

  it('describes a fired alert with the alerts’ own line', () => {
    expect(inEnglish({ alert })).toBe('Alert: BTC/USDT on binance is above 50000 (last 50012.5)');
    expect(inGerman({ alert })).toMatch(/^Alarm: BTC\/USDT .*50000/);
  });
});
