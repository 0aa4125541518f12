import { describe, expect, it } from 'vitest';
import { describeTriggered } from '../../lib/alerts';
import { translatorFor } from '../support/i18n';
import type { PriceLevelAlert } from '../../lib/protocol';

const english = translatorFor('alerts');
const german = translatorFor('alerts', 'de');

const alert: PriceLevelAlert = {
  kind: 'price',
  id: 'a1',
  stream: 'binance:BTC/USDT',
  condition: 'above',
  price: '50000',
  note: null,
  channels: [],
  createdAt: 1,
  triggeredAt: null,
  triggeredPrice: null,
};

describe('describeTriggered', () => {
  it('[P7] says the market, the condition and the threshold as typed, with the price that met it', () => {
    expect(describeTriggered({ ...alert, triggeredAt: 2, triggeredPrice: '50012.5' }, english)).toBe(
      'BTC/USDT on binance is above 50000 (last 50012.5)',
    );
    expect(describeTriggered({ ...alert, condition: 'below' }, english)).toBe(
      'BTC/USDT on binance is below 50000',
    );
  });

  it('[P7] German puts its own words around the same market and prices', () => {
    expect(describeTriggered({ ...alert, condition: 'below', triggeredPrice: '49990' }, german)).toBe(
      'BTC/USDT auf binance liegt unter 50000 (zuletzt 49990)',
    );
  });

  it('[P7] a stream id that does not parse is named as it is', () => {
    expect(describeTriggered({ ...alert, stream: 'odd' }, english)).toBe('odd is above 50000');
  });
});
