/** Each user's choice of exchange per asset: where the asset is priced, over the default order. */
import type { SqliteDatabase } from './db';

export class PricingStore {
  constructor(private readonly db: SqliteDatabase) {}

  /** The user's choices, asset → exchange id. */
  list(userId: number): Record<string, string> {
    const rows = this.db
      .prepare('SELECT asset, exchange FROM asset_pricing WHERE user_id = ? ORDER BY asset')
      .all(userId) as Array<{ asset: string; exchange: string }>;
    return Object.fromEntries(rows.map((r) => [r.asset, r.exchange]));
  }

  /** Sets (an exchange id) or clears (null) choices, all in one transaction. */
  set(userId: number, choices: Record<string, string | null>): void {
    const upsert = this.db.prepare(
      `INSERT INTO asset_pricing (user_id, asset, exchange) VALUES (?, ?, ?)
       ON CONFLICT (user_id, asset) DO UPDATE SET exchange = excluded.exchange`,
    );
    const clear = this.db.prepare('DELETE FROM asset_pricing WHERE user_id = ? AND asset = ?');
    this.db.transaction(() => {
      for (const [asset, exchange] of Object.entries(choices)) {
        if (exchange === null) clear.run(userId, asset);
        else upsert.run(userId, asset, exchange);
      }
    })();
  }
}
