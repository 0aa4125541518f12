/**
 * Tests a key before it is stored (docs/protocol.md P9): it must open the account's balances; where the exchange
 * reports the key's rights (Binance's API restrictions), a key that can trade or withdraw is stored with a
 * warning, since Livefolio only reads.
 */
import type { Exchange } from 'ccxt';
import type { KeyPermissions } from '../../lib/portfolio/connection';
import { text } from '../errors';
import type { ErrorText } from '../errors';

/** What the check learnt of the key; its warnings by catalog key, worded for whoever reads the connection. */
export type KeyReport = KeyPermissions & { warnings: ErrorText[] };

const flag = (value: unknown) => (typeof value === 'boolean' ? value : null);

/** Loads the markets and the balances with the key, then reads its rights where the exchange tells them. */
export async function checkKey(ex: Exchange, exchangeName: string): Promise<KeyReport> {
  await ex.loadMarkets();
  await ex.fetchBalance();
  const report: KeyReport = { read: true, trade: null, withdraw: null, warnings: [] };
  if (ex.id === 'binance') {
    const restrictions = (await ex.sapiGetAccountApiRestrictions()) as Record<string, unknown>;
    report.read = flag(restrictions.enableReading);
    const trading = ['enableSpotAndMarginTrading', 'enableMargin', 'enableFutures', 'enableVanillaOptions'];
    report.trade = trading.some((k) => restrictions[k] === true);
    report.withdraw = flag(restrictions.enableWithdrawals);
    if (report.withdraw) report.warnings.push(text('sync', 'keyCanWithdraw', { exchange: exchangeName }));
    if (report.trade) report.warnings.push(text('sync', 'keyCanTrade', { exchange: exchangeName }));
  }
  return report;
}
