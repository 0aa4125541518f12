/** The chart's mode and timeframe, kept in localStorage so a reload draws the chart the user chose. */
import { isTimeframe } from '../lib/timeframes';
import type { ChartChoice } from './store/dashboard-store';
import type { PreferenceStorage } from './socket/low-data-preference';

/** The localStorage key of the chart's choice. */
export const CHART_KEY = 'livefolio:chart';

/** The saved choice, or null when none was saved or it is not one (an older version's, or edited by hand). */
export function readChartChoice(storage: PreferenceStorage | null): ChartChoice | null {
  try {
    const value: unknown = JSON.parse(storage?.getItem(CHART_KEY) ?? 'null');
    if (typeof value !== 'object' || value === null) return null;
    const { mode, timeframe } = value as Record<string, unknown>;
    if ((mode !== 'candles' && mode !== 'line') || typeof timeframe !== 'string' || !isTimeframe(timeframe))
      return null;
    return { mode, timeframe };
  } catch {
    return null;
  }
}

/** Saves the choice; where storage refuses it lasts for this tab only. */
export function saveChartChoice(storage: PreferenceStorage | null, choice: ChartChoice): void {
  try {
    storage?.setItem(CHART_KEY, JSON.stringify(choice));
  } catch {
    // The store still holds the choice for this tab.
  }
}
