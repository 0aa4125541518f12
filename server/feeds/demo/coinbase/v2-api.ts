/** The Coinbase App (v2) public endpoints ccxt's loadMarkets reads: currencies, crypto currencies, exchange rates. */
import type { WireObject } from '../binance-wire';
import { hashString } from '../prng';
import type { Simulator } from '../simulator';
import { CURRENCY_NAMES, FIAT, catalogueCurrencies } from './catalogue';
import { significant } from './wire';

/** A v2 answer or its error; v2 errors are `{"errors":[{"id","message"}]}`. */
export type V2Reply = { status: number; body: WireObject };

const COLORS: Readonly<Record<string, string>> = { BTC: '#F7931A', ETH: '#627EEA', SOL: '#9945FF' };

/** A stable UUID-shaped asset id per currency code (the real ones are random v4 UUIDs). */
function assetId(code: string): string {
  const hex = [0, 1, 2, 3].map((i) => hashString(`${i}:${code}`).toString(16).padStart(8, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * USD value of one unit of each currency, from the -USD products' latest prices. EUR comes from the catalogue
 * prices of BTC-USD and BTC-EUR: the model walks each market on its own, so their live ratio drifts off any real rate.
 */
function usdValues(simulator: Simulator): Map<string, number> {
  const values = new Map<string, number>([
    ['USD', 1],
    ['USDC', 1],
  ]);
  const reference = (symbol: string) => simulator.market(symbol)?.price;
  for (const ticker of simulator.tickers()) {
    const [base, quote] = ticker.symbol.split('/');
    if (quote === 'USD' && base !== undefined) values.set(base, ticker.last);
  }
  const btcUsd = reference('BTC/USD');
  const btcEur = reference('BTC/EUR');
  if (btcUsd !== undefined && btcEur !== undefined && btcEur > 0) values.set('EUR', btcUsd / btcEur);
  return values;
}

/** Answers a `/v2/...` path, or undefined when the path is not one of these. */
export function routeV2(
  path: string,
  query: URLSearchParams,
  simulator: Simulator,
  now: number,
): V2Reply | undefined {
  const codes = catalogueCurrencies();
  switch (path) {
    case '/v2/currencies':
      return {
        status: 200,
        body: { data: FIAT.map((id) => ({ id, name: CURRENCY_NAMES[id] ?? id, min_size: '0.01' })) },
      };
    case '/v2/currencies/crypto':
      return {
        status: 200,
        body: {
          data: codes
            .filter((code) => !FIAT.includes(code))
            .map((code, index) => ({
              asset_id: assetId(code),
              code,
              name: CURRENCY_NAMES[code] ?? code,
              color: COLORS[code] ?? '#5B616E',
              sort_index: String(100 + index),
              exponent: code === 'USDC' || code === 'USDT' ? '6' : '8',
              type: 'crypto',
              address_regex: '^(?:0x)?[0-9a-fA-F]{40}$',
            })),
        },
      };
    case '/v2/exchange-rates': {
      const currency = (query.get('currency') ?? 'USD').toUpperCase();
      const values = usdValues(simulator);
      const unit = values.get(currency);
      if (unit === undefined) {
        return { status: 400, body: { errors: [{ id: 'invalid_request', message: 'Invalid currency' }] } };
      }
      const rates: Record<string, string> = {};
      for (const code of codes) {
        const value = values.get(code);
        if (value !== undefined && value > 0) rates[code] = significant(unit / value);
      }
      return { status: 200, body: { data: { currency, rates } } };
    }
    case '/v2/time':
      return {
        status: 200,
        body: { data: { iso: new Date(now).toISOString(), epoch: Math.floor(now / 1000) } },
      };
    default:
      return undefined;
  }
}
