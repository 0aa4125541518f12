/** A fault value served to the next `count` requests, or until cleared: how the demo's HTTP faults are spent. */

/** A value that requests take one at a time until it runs out. */
export interface CountedSwitch<T> {
  /** Serves `value` to the next `count` takers (default: until cleared). */
  set(value: T, count?: number): void;
  clear(): void;
  /** The value for this request, consuming one, or undefined when the switch is off. */
  take(): T | undefined;
}

/** Creates a switch that starts off. */
export function createCountedSwitch<T>(): CountedSwitch<T> {
  let value: T | undefined;
  let left = Infinity;
  return {
    set(next, count) {
      value = next;
      left = count ?? Infinity;
    },
    clear() {
      value = undefined;
    },
    take() {
      if (value === undefined) return undefined;
      const taken = value;
      left -= 1;
      if (left <= 0) value = undefined;
      return taken;
    },
  };
}
