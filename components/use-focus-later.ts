'use client';
/** Moves the focus once React has rendered, to an element that may not exist yet (a button coming back, a new row). */
import { useCallback, useEffect, useState } from 'react';

/** A hook returning `focusLater(selector)`: after the next commit, focuses the first element matching it. */
export function useFocusLater(): (selector: string) => void {
  // A new object at each call, so asking twice for the same selector focuses twice.
  const [target, setTarget] = useState<{ selector: string } | null>(null);
  useEffect(() => {
    if (target) document.querySelector<HTMLElement>(target.selector)?.focus();
  }, [target]);
  return useCallback((selector: string) => setTarget({ selector }), []);
}

/** The selector of a row's button for `action` (such buttons carry `data-action` and `data-id`). */
export function rowButton(action: string, id: string): string {
  return `[data-action="${action}"][data-id="${CSS.escape(id)}"]`;
}
