'use client';
/**
 * The alerts panel's parts whose code is fetched on demand (the form, a row's channel editor). Each is rendered only
 * once its code is here; if that fetch fails after all, a line says so with a button that closes it.
 */
import dynamic from 'next/dynamic';
import type { ComponentType } from 'react';
import { useT } from '@/client/i18n/provider';
import styles from './alerts-panel.module.css';

interface Closable {
  onClose(): void;
}

/** The part `load` gives, or the line in its place, with `className` around it and `buttonClass` on its button. */
export function lazyAlertPart<P extends Closable>(
  load: () => Promise<ComponentType<P>>,
  classes: { className: string; buttonClass: string },
): ComponentType<P> {
  function Unavailable({ onClose }: Closable) {
    const t = useT('alerts');
    return (
      <div className={`${classes.className} ${styles.unavailable}`}>
        <p role="alert">{t('formUnavailable')}</p>
        <button type="button" className={classes.buttonClass} onClick={onClose}>
          {t('close')}
        </button>
      </div>
    );
  }
  // The panel shows the wait on the button that asked for the part, which has the user's attention.
  return dynamic<P>(
    () =>
      load().then(
        (part) => part,
        () => Unavailable,
      ),
    { ssr: false, loading: () => null },
  );
}
