'use client';
/** One setting of the account panel: its name, then a pressed button for the current option among the others. */
import styles from './account-menu.module.css';

export interface PanelOption<T> {
  value: T;
  label: string;
  /** The option's own language, when its label is written in it (a language's own name). */
  lang?: string;
}

export function PanelChoice<T extends string | null>({
  name,
  options,
  current,
  onChoose,
}: {
  name: string;
  options: PanelOption<T>[];
  current: T;
  onChoose: (value: T) => void;
}) {
  return (
    <div role="group" aria-label={name} className={styles.themes}>
      <span className={styles.themesLabel} aria-hidden="true">
        {name}
      </span>
      {options.map((option) => (
        <button
          key={option.value ?? ''}
          type="button"
          lang={option.lang}
          aria-pressed={current === option.value}
          className={styles.theme}
          onClick={() => onChoose(option.value)}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
