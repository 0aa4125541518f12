/** Each user's choice of exchange per asset: where the asset is priced, over the default order. */
import type { Storage } from './db';

export class PricingStore {
  constructor(private readonly storage: Storage) {}

  /** The user's choices, asset → exchange id. */
  async list(userId: number): Promise<Record<string, string>> {
    const rows = await this.storage.db
      .selectFrom('asset_pricing')
      .select(['asset', 'exchange'])
      .where('user_id', '=', userId)
      .orderBy('asset')
      .execute();
    return Object.fromEntries(rows.map((r) => [r.asset, r.exchange]));
  }

  /** Sets (an exchange id) or clears (null) choices, all in one transaction. */
  async set(userId: number, choices: Record<string, string | null>): Promise<void> {
    await this.storage.db.transaction().execute(async (trx) => {
      for (const [asset, exchange] of Object.entries(choices)) {
        if (exchange === null) {
          await trx
            .deleteFrom('asset_pricing')
            .where('user_id', '=', userId)
            .where('asset', '=', asset)
            .execute();
          continue;
        }
        await trx
          .insertInto('asset_pricing')
          .values({ user_id: userId, asset, exchange })
          .onConflict((oc) => oc.columns(['user_id', 'asset']).doUpdateSet({ exchange }))
          .execute();
      }
    });
  }
}
