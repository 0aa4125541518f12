'use client';
/** The transaction form's "Account" select and, for a transfer, its "To account" select with the problem inline. */
import Link from 'next/link';
import { useId } from 'react';
import type { ChangeEvent, ReactNode, SelectHTMLAttributes } from 'react';
import { AccountOptions } from '@/components/account-select';
import fieldStyles from '@/components/auth-card.module.css';
import type { AccountSummary } from '@/client/api/portfolio-accounts';
import { useT } from '@/client/i18n/provider';
import styles from './transactions.module.css';

interface AccountFieldsProps {
  /** The user's accounts, oldest first; null while they load. */
  accounts: readonly AccountSummary[] | null;
  /** The account the transaction is booked in (a transfer's source); '' while none is known. */
  account: string;
  onAccount(event: ChangeEvent<HTMLSelectElement>): void;
  /** Null: not a transfer, no To-account field. */
  toAccount: string | null;
  onToAccount(event: ChangeEvent<HTMLSelectElement>): void;
  /** What keeps the transfer from being sent, shown under its field; null shows nothing. */
  problem: string | null;
}

/** Two grid cells of the form; a user with one account still sees the select, and a transfer says what it needs. */
export function AccountFields({
  accounts,
  account,
  onAccount,
  toAccount,
  onToAccount,
  problem,
}: AccountFieldsProps) {
  const id = useId();
  const t = useT('transactions');
  const single = accounts?.length === 1;
  return (
    <>
      <div className={fieldStyles.field}>
        <Picker
          id={`${id}-from`}
          label={t(toAccount === null ? 'labelAccount' : 'labelFromAccount')}
          name="account"
          accounts={accounts}
          value={account}
          onChange={onAccount}
          aria-describedby={single ? `${id}-from-hint` : undefined}
        />
        {single && (
          <p id={`${id}-from-hint`} className={fieldStyles.hint}>
            {withLink(t('oneAccountHint'), <AccountsLink>{t('addAccountLink')}</AccountsLink>)}
          </p>
        )}
      </div>
      {toAccount !== null && (
        <div className={fieldStyles.field}>
          {single ? (
            <span className={fieldStyles.label}>{t('labelToAccount')}</span>
          ) : (
            <Picker
              id={`${id}-to`}
              label={t('labelToAccount')}
              name="toAccount"
              accounts={accounts}
              value={toAccount}
              onChange={onToAccount}
              aria-required="true"
              aria-invalid={problem !== null}
              aria-describedby={`${id}-to-problem`}
            >
              <option value="">{t('chooseAccount')}</option>
            </Picker>
          )}
          {/* Always rendered, so a problem that appears (the same account picked twice) is announced. */}
          <div id={`${id}-to-problem`} role="alert" className={fieldStyles.region}>
            {single ? (
              <p className={styles.fieldNote}>
                {withLink(
                  t('transferOneAccount'),
                  <AccountsLink fix>{t('addSecondAccountLink')}</AccountsLink>,
                )}
              </p>
            ) : (
              problem && <p className={styles.fieldError}>{problem}</p>
            )}
          </div>
        </div>
      )}
    </>
  );
}

// A message with a `{link}` placeholder (left in it when `t` is given no values), the link in its place.
function withLink(message: string, link: ReactNode): ReactNode {
  const [before = '', after = ''] = message.split('{link}');
  return (
    <>
      {before}
      {link}
      {after}
    </>
  );
}

type PickerProps = SelectHTMLAttributes<HTMLSelectElement> & {
  id: string;
  label: string;
  accounts: readonly AccountSummary[] | null;
  /** Options before the accounts. */
  children?: ReactNode;
};

// A labelled select of the accounts, disabled while they load.
function Picker({ id, label, accounts, children, ...select }: PickerProps) {
  return (
    <>
      <label htmlFor={id} className={fieldStyles.label}>
        {label}
      </label>
      <select id={id} className={fieldStyles.input} disabled={accounts === null} {...select}>
        {children}
        <AccountOptions accounts={accounts} />
      </select>
    </>
  );
}

// `fix`: where the form sends the focus when a transfer is submitted with one account.
function AccountsLink({ children, fix = false }: { children: string; fix?: boolean }) {
  return (
    <Link href="/accounts" className={styles.link} data-fix={fix || undefined}>
      {children}
    </Link>
  );
}
