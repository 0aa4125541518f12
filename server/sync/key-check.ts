/**
 * Tests a key before it is stored (docs/protocol.md P9): it must open the account's balances; where the exchange
 * reports the key's rights (Binance's API restrictions), a key that can trade or withdraw is stored with a
 * warning, since Livefolio only reads.
 */
import type { Exchange } from 'ccxt';
import type { KeyPermissions } from '../../lib/portfolio/connection';

/** What the check learnt of the key. */
export type KeyReport = KeyPermissions & { warnings: string[] };

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
    if (report.withdraw)
      report.warnings.push(
        `This key can withdraw funds from your ${exchangeName} account. Livefolio only reads: create a ` +
          'read-only key and replace this one.',
      );
    if (report.trade)
      report.warnings.push(
        `This key can trade on your ${exchangeName} account. Livefolio only reads: a read-only key is safer.`,
      );
  }
  return report;
}
