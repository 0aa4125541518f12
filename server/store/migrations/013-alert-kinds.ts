/**
 * Version 13: alert kinds and per-alert channels (docs/protocol.md P7). Besides a price level, an alert may
 * watch a market's move within a window or the portfolio's value; each alert names the channels it goes to.
 */
import { sql } from 'kysely';
import type { SchemaStep } from './step';

export const alertKinds: SchemaStep = {
  name: '013-alert-kinds',
  async up(db) {
    // 'price', 'move' or 'portfolio'. The existing columns keep their meaning per kind: `condition` is above or
    // below (price, portfolio) or up, down or any (move); `price` is the level, the percent or the value;
    // `stream` is the market, empty for a portfolio alert, which watches none.
    await db.schema
      .alterTable('alerts')
      .addColumn('kind', 'text', (c) => c.notNull().defaultTo('price'))
      .execute();
    // A move alert's window ('1h'); a portfolio alert's currency; the move that fired a move alert.
    await db.schema.alterTable('alerts').addColumn('move_window', 'text').execute();
    await db.schema.alterTable('alerts').addColumn('currency', 'text').execute();
    await db.schema.alterTable('alerts').addColumn('triggered_change', 'text').execute();

    await db.schema
      .createTable('alert_targets')
      .addColumn('alert_id', 'text', (c) => c.notNull().references('alerts.id').onDelete('cascade'))
      .addColumn('channel_id', 'text', (c) => c.notNull().references('alert_channels.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('alert_targets_pk', ['alert_id', 'channel_id'])
      .execute();
    await db.schema
      .createIndex('alert_targets_by_channel')
      .on('alert_targets')
      .column('channel_id')
      .execute();
    // Before this version every alert went to every channel of its owner: it still does.
    await sql`
      INSERT INTO alert_targets (alert_id, channel_id)
      SELECT alerts.id, alert_channels.id FROM alerts JOIN alert_channels ON alert_channels.user_id = alerts.user_id
    `.execute(db);
  },
};
