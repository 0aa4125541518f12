'use client';
/** Moves the focus once React has rendered, to an element that may not exist yet (a button coming back, a new row). */
import { useEffect, useState } from 'react';

/** A hook returning `focusLater(selector)`: after the next commit, focuses the first element matching it. */
export function useFocusLater(): (selector: string) => void {
  const [target, setTarget] = useState<string | null>(null);
  useEffect(() => {
    if (target === null) return;
    document.querySelector<HTMLElement>(target)?.focus();
    setTarget(null);
  }, [target]);
  return setTarget;
}

/** The selector of a row's Edit or Delete button (the buttons carry `data-action` and `data-id`). */
export function rowButton(action: 'edit' | 'delete', id: string): string {
  return `[data-action="${action}"][data-id="${CSS.escape(id)}"]`;
}
