/** The simulated Binance's API keys: a read-only pair and a pair that may trade and withdraw; nothing else is let in. */

/**
 * The read-only demo key (reading only, as Livefolio asks of its users). Public on purpose: it opens nothing but the
 * simulated account on loopback.
 */
export const DEMO_BINANCE_KEY = 'LivefolioDemoReadOnlyKey29JFucRl4ip5O6g6ppXS1prxmVoH4XDb7vDn2RUS';
/** The secret of DEMO_BINANCE_KEY. */
export const DEMO_BINANCE_SECRET = 'LivefolioDemoReadOnlySecretRpFyVyZ1GbyBrPxhPzPkuUsd8ui6zaTSdXM9Q';

/** A demo key whose restrictions report spot trading and withdrawals enabled: the kind a product should warn about. */
export const DEMO_BINANCE_TRADING_KEY = 'LivefolioDemoTradingKeyN2ZfpwCk2eSATS1I6FOd6oQ3zAXamr83UYcoH2LbR';
/** The secret of DEMO_BINANCE_TRADING_KEY. */
export const DEMO_BINANCE_TRADING_SECRET = 'LivefolioDemoTradingSecret0kTBAbOguaerk2pUXLMIdRudTrCru2gxuVmOZr';

/** What Binance's API keys look like; anything else in the header is -2014, not -2015. */
export const API_KEY_FORMAT = /^[A-Za-z0-9]{64}$/;

/** The switches of `GET /sapi/v1/account/apiRestrictions`, as Binance names them. */
export interface KeyPermissions {
  ipRestrict: boolean;
  enableReading: boolean;
  enableSpotAndMarginTrading: boolean;
  enableWithdrawals: boolean;
  enableInternalTransfer: boolean;
  enableMargin: boolean;
  enableFutures: boolean;
  enableVanillaOptions: boolean;
  enablePortfolioMarginTrading: boolean;
  permitsUniversalTransfer: boolean;
  enableFixApiTrade: boolean;
  enableFixReadOnly: boolean;
}

/** One accepted key pair and what it may do. */
export interface DemoApiKey {
  readonly key: string;
  readonly secret: string;
  readonly permissions: Readonly<KeyPermissions>;
  /** How long before the end of the account's history the key was made (its `createTime`). */
  readonly createdDaysAgo: number;
}

const READ_ONLY: KeyPermissions = {
  ipRestrict: false,
  enableReading: true,
  enableSpotAndMarginTrading: false,
  enableWithdrawals: false,
  enableInternalTransfer: false,
  enableMargin: false,
  enableFutures: false,
  enableVanillaOptions: false,
  enablePortfolioMarginTrading: false,
  permitsUniversalTransfer: false,
  enableFixApiTrade: false,
  enableFixReadOnly: false,
};

const KEYS: readonly DemoApiKey[] = [
  { key: DEMO_BINANCE_KEY, secret: DEMO_BINANCE_SECRET, permissions: READ_ONLY, createdDaysAgo: 20 },
  {
    key: DEMO_BINANCE_TRADING_KEY,
    secret: DEMO_BINANCE_TRADING_SECRET,
    // Binance enables withdrawals only on a key restricted to trusted IPs, so this one says both.
    permissions: {
      ...READ_ONLY,
      ipRestrict: true,
      enableSpotAndMarginTrading: true,
      enableWithdrawals: true,
    },
    createdDaysAgo: 200,
  },
];

/** The key pair with this API key, or undefined for any other key. */
export function findApiKey(key: string): DemoApiKey | undefined {
  return KEYS.find((candidate) => candidate.key === key);
}
