/** The low-data choice, kept in localStorage so it survives a reload; storage can be missing or refuse (privacy modes). */

/** Where the choice is kept. */
export type PreferenceStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** The localStorage key of the low-data choice. */
export const LOW_DATA_KEY = 'livefolio:low-data';

/** The page's localStorage, or null outside browsers or where reading it throws. */
export function defaultStorage(): PreferenceStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** The saved choice, or null when none was saved. */
export function readLowData(storage: PreferenceStorage | null): boolean | null {
  try {
    const value = storage?.getItem(LOW_DATA_KEY);
    return value === '1' ? true : value === '0' ? false : null;
  } catch {
    return null;
  }
}

/** Saves the choice; when storage refuses (quota, privacy mode) it lasts for this tab only. */
export function saveLowData(storage: PreferenceStorage | null, lowData: boolean): void {
  try {
    storage?.setItem(LOW_DATA_KEY, lowData ? '1' : '0');
  } catch {
    // Nothing to do: the store still holds the choice for this tab.
  }
}
