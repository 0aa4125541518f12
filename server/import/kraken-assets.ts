/**
 * Kraken's asset codes as the rest of the world spells them (docs/imports.md): the legacy X/Z-prefixed codes
 * (XXBT, ZUSD), XBT for BTC and XDG for DOGE, and the suffixes of its earning wallets (`.S` staked, `.M` opt-in
 * rewards, `.F` auto-earn, `.B` yield-bearing, `.P` parachain, `.HOLD` held for staking), which hold the same coin.
 */

/** Codes Kraken still writes with the prefix it gave its first assets. */
const LEGACY: Readonly<Record<string, string>> = {
  XXBT: 'BTC',
  XBT: 'BTC',
  XETH: 'ETH',
  XETC: 'ETC',
  XLTC: 'LTC',
  XXRP: 'XRP',
  XXLM: 'XLM',
  XXMR: 'XMR',
  XZEC: 'ZEC',
  XXDG: 'DOGE',
  XDG: 'DOGE',
  XMLN: 'MLN',
  XREP: 'REP',
  ZUSD: 'USD',
  ZEUR: 'EUR',
  ZGBP: 'GBP',
  ZCAD: 'CAD',
  ZJPY: 'JPY',
  ZAUD: 'AUD',
};

/** Staking variants that carry a number or a version in their code. */
const STAKED: Readonly<Record<string, string>> = { ETH2: 'ETH', DOT28: 'DOT', KSM07: 'KSM' };

const WALLET_SUFFIX = /\.(S|M|F|B|P|HOLD)$/;

/** The common code of a Kraken asset code: "XXBT" → "BTC", "DOT.S" → "DOT", "ETH2.S" → "ETH", "USD.HOLD" → "USD". */
export function krakenAsset(code: string): string {
  const plain = code.toUpperCase().replace(WALLET_SUFFIX, '');
  return LEGACY[plain] ?? STAKED[plain] ?? plain;
}
