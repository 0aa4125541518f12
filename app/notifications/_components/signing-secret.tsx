'use client';
/** A webhook's signing secret, shown this once when the channel is made: copy it, then put it away. */
import { useT } from '@/client/i18n/provider';
import { ShownOnce } from '@/components/shown-once';

export function SigningSecret({ name, secret, onDone }: { name: string; secret: string; onDone(): void }) {
  const t = useT('notifications');
  const texts = {
    title: t('secretTitle'),
    note: t('secretNote'),
    label: t('secretLabel', { name }),
    copy: t('copy'),
    copied: t('copied'),
    copyFailed: t('copyFailed'),
    dismiss: t('dismiss'),
  };
  return <ShownOnce id="signing-secret-title" secret={secret} texts={texts} onDone={onDone} />;
}
