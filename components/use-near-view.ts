'use client';
/**
 * True once an element comes within `margin` of the viewport, and from then on: what is below the first screen
 * loads its code when the user scrolls towards it, not with the page.
 */
import { useEffect, useState } from 'react';
import type { RefObject } from 'react';

export function useNearView(ref: RefObject<Element | null>, margin = '200px'): boolean {
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (near || !element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setNear(true);
      },
      { rootMargin: margin },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, margin, near]);
  return near;
}
