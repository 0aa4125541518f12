/**
 * The dashboard's settings and sign-out calls, through the contract's JSON Schemas (client/api/contract-answer.ts):
 * each answer the contract describes is taken, and each the contract refuses is refused.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { safeParse } from 'zod/mini';
import { signOut } from '../../../client/api/auth';
import { fetchOwnCurrency } from '../../../client/api/own-currency';
import { setPortfolioCurrency, setPricingExchange } from '../../../client/api/portfolio';
import { authApi } from '../../../lib/api/auth';
import { portfolioApi } from '../../../lib/api/portfolio';

function answering(body: unknown) {
  vi.stubGlobal('fetch', () => Promise.resolve(Response.json(body)));
}
afterEach(() => {
  vi.unstubAllGlobals();
});

const SETTINGS = { quoteCurrency: 'EUR', pricing: { BTC: 'kraken' } };

describe('the dashboard’s readers against the contract', () => {
  it('[P5] the settings: the currency and each pricing choice as strings, or refused', async () => {
    expect(safeParse(portfolioApi.settings.answer, SETTINGS).success).toBe(true);
    answering(SETTINGS);
    expect(await fetchOwnCurrency()).toEqual({ ok: true, data: 'EUR' });
    expect(await setPortfolioCurrency('EUR')).toEqual({ ok: true, data: 'EUR' });
    expect(await setPricingExchange('BTC', 'kraken')).toEqual({ ok: true, data: 'BTC' });
    for (const bad of [
      { quoteCurrency: 'EUR' },
      { pricing: {} },
      { quoteCurrency: 'EUR', pricing: { BTC: 5 } },
      { quoteCurrency: 'EUR', pricing: { BTC: null } },
      { quoteCurrency: 7, pricing: {} },
    ]) {
      expect(safeParse(portfolioApi.settings.answer, bad).success).toBe(false);
      answering(bad);
      for (const call of [fetchOwnCurrency(), setPortfolioCurrency('EUR'), setPricingExchange('BTC', null)])
        expect(await call).toMatchObject({ ok: false, code: 'BAD_ANSWER' });
    }
  });

  it('[A4] signing out: `signedOut` as the boolean the contract names, or refused', async () => {
    expect(safeParse(authApi.logout.answer, { signedOut: true }).success).toBe(true);
    answering({ signedOut: true });
    expect(await signOut()).toEqual({ ok: true, data: true });
    for (const bad of [{}, { signedOut: 'yes' }, { signedOut: null }]) {
      expect(safeParse(authApi.logout.answer, bad).success).toBe(false);
      answering(bad);
      expect(await signOut()).toMatchObject({ ok: false, code: 'BAD_ANSWER' });
    }
  });
});
