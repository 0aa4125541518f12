/** The coins of the simulated Binance wallet and their networks: what deposits arrive on and withdrawals leave by. */
import type { MarketSpec } from '../markets';
import type { Rng } from '../prng';

/** A network a coin moves on, with Binance's id for it (`ETH`, `BSC`, `TRX`...) and its withdrawal terms. */
export interface CoinNetwork {
  network: string;
  name: string;
  withdrawFee: string;
  withdrawMin: string;
  minConfirm: number;
  isDefault: boolean;
}

/** One coin of the wallet. */
export interface Coin {
  coin: string;
  name: string;
  isLegalMoney: boolean;
  networks: readonly CoinNetwork[];
}

const net = (
  network: string,
  name: string,
  withdrawFee: string,
  withdrawMin: string,
  minConfirm: number,
) => ({
  network,
  name,
  withdrawFee,
  withdrawMin,
  minConfirm,
});

// Networks of the coins the demo account moves; fees of the order Binance charged in 2025. Every other coin
// gets its own chain with a fee worth about one dollar (see coinsOf).
const KNOWN: Readonly<Record<string, { name: string; networks: ReturnType<typeof net>[] }>> = {
  BTC: { name: 'Bitcoin', networks: [net('BTC', 'Bitcoin', '0.00002', '0.0001', 1)] },
  ETH: {
    name: 'Ethereum',
    networks: [
      net('ETH', 'Ethereum (ERC20)', '0.0012', '0.005', 6),
      net('BSC', 'BNB Smart Chain (BEP20)', '0.00005', '0.0001', 15),
    ],
  },
  USDT: {
    name: 'TetherUS',
    networks: [
      net('TRX', 'Tron (TRC20)', '1', '10', 1),
      net('ETH', 'Ethereum (ERC20)', '4', '10', 6),
      net('BSC', 'BNB Smart Chain (BEP20)', '0.5', '10', 15),
    ],
  },
  BNB: { name: 'BNB', networks: [net('BSC', 'BNB Smart Chain (BEP20)', '0.0005', '0.01', 15)] },
  SOL: { name: 'Solana', networks: [net('SOL', 'Solana', '0.001', '0.01', 1)] },
  USDC: { name: 'USD Coin', networks: [net('ETH', 'Ethereum (ERC20)', '4', '10', 6)] },
  ARB: { name: 'Arbitrum', networks: [net('ARBITRUM', 'Arbitrum One', '0.1', '1', 1)] },
};

/** Every asset of the catalogue, in the order its markets first name them. */
export function assetsOf(markets: readonly MarketSpec[]): string[] {
  return [...new Set(markets.flatMap((spec) => [spec.base, spec.quote]))];
}

/** The wallet's coins for a market catalogue: the known ones as above, the rest on a chain of their own. */
export function coinsOf(markets: readonly MarketSpec[]): Coin[] {
  return assetsOf(markets).map((coin) => {
    const known = KNOWN[coin];
    if (coin === 'EUR') return { coin, name: 'Euro', isLegalMoney: true, networks: [] };
    if (known !== undefined) {
      return {
        coin,
        name: known.name,
        isLegalMoney: false,
        networks: known.networks.map((n, i) => ({ ...n, isDefault: i === 0 })),
      };
    }
    const usd = markets.find((spec) => spec.base === coin && spec.quote === 'USDT')?.price ?? 1;
    const fee = Number((1 / usd).toPrecision(2)).toString();
    return {
      coin,
      name: coin,
      isLegalMoney: false,
      networks: [{ ...net(coin, coin, fee, fee, 1), isDefault: true }],
    };
  });
}

const HEX = '0123456789abcdef';
const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const BECH32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';

const draw = (rng: Rng, alphabet: string, length: number): string =>
  Array.from({ length }, () => alphabet[Math.floor(rng() * alphabet.length)] ?? alphabet[0]).join('');

/** A plausible address on a network, in that chain's own format. */
export function addressOn(network: string, rng: Rng): string {
  switch (network) {
    case 'BTC':
      return `bc1q${draw(rng, BECH32, 38)}`;
    case 'TRX':
      return `T${draw(rng, BASE58, 33)}`;
    case 'SOL':
      return draw(rng, BASE58, 44);
    default:
      return `0x${draw(rng, HEX, 40)}`;
  }
}

/** A plausible transaction id on a network, in that chain's own format. */
export function txIdOn(network: string, rng: Rng): string {
  switch (network) {
    case 'BTC':
    case 'TRX':
      return draw(rng, HEX, 64);
    case 'SOL':
      return draw(rng, BASE58, 88);
    default:
      return `0x${draw(rng, HEX, 64)}`;
  }
}

/** A numeric id of `digits` digits, as Binance gives deposits. */
export function numericId(rng: Rng, digits: number): string {
  return `${1 + Math.floor(rng() * 9)}${draw(rng, '0123456789', digits - 1)}`;
}

/** A 32-hex-digit id, as Binance gives withdrawals. */
export function hexId(rng: Rng): string {
  return draw(rng, HEX, 32);
}
