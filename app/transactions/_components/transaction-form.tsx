'use client';
/** The "Add transaction" form, which also edits a transaction: amounts typed in the reader's locale, tickers upper-case. */
import { useEffect, useId, useRef, useState } from 'react';
import type { ChangeEvent, FormEvent } from 'react';
import { FormAlert, FormField, SubmitButton, formMessage, useFormRequest } from '@/components/auth-card';
import type { FormMessage } from '@/components/auth-card';
import fieldStyles from '@/components/auth-card.module.css';
import { PagePanel } from '@/components/page-shell';
import { addTransaction, updateTransaction } from '@/client/api/transactions';
import type { TransactionRecord } from '@/client/api/transactions';
import type { AccountSummary } from '@/client/api/portfolio-accounts';
import { TRANSACTION_TYPES, isIncome } from '@/lib/portfolio/transaction';
import { useFormatLocale, useT } from '@/client/i18n/provider';
import { AccountFields } from './account-fields';
import { decimalMark, localDecimal } from './amount-input';
import { BLANK, accountFor, draftOf, fieldNamedIn, toInput, transferProblem } from './transaction-draft';
import type { Draft } from './transaction-draft';
import { toDateTimeInput, typeLabel, typeName } from './transaction-text';
import styles from './transactions.module.css';

// Each field's text as it should be kept: tickers upper-case, the exchange id lower-case.
const CASE: Partial<Record<keyof Draft, (text: string) => string>> = {
  asset: (text) => text.toUpperCase(),
  quoteCurrency: (text) => text.toUpperCase(),
  feeCurrency: (text) => text.toUpperCase(),
  exchange: (text) => text.toLowerCase(),
};

interface TransactionFormProps {
  /** The transaction being edited; null adds a new one. */
  editing: TransactionRecord | null;
  /** The user's accounts, oldest first; null while they load. */
  accounts: readonly AccountSummary[] | null;
  /** The account the page lists (its filter), which a new transaction is booked in by default; null for all. */
  filtered: string | null;
  /** The server's answer: a new transaction, or the edited one replaced. */
  onSaved(transaction: TransactionRecord, edited: boolean): void;
  onCancelEdit(): void;
}

/** Labelled fields in a grid; the server's refusal shows verbatim in a role="alert" region, the entered values kept. */
export function TransactionForm({
  editing,
  accounts,
  filtered,
  onSaved,
  onCancelEdit,
}: TransactionFormProps) {
  const t = useT('transactions');
  const locale = useFormatLocale();
  const [draft, setDraft] = useState<Draft>(() => (editing ? draftOf(editing, locale) : BLANK));
  // The fee currency follows the quote currency until it is set apart from it.
  const [feeFollowsQuote, setFeeFollowsQuote] = useState(true);
  const [done, setDone] = useState<FormMessage | null>(null);
  const [shown, setShown] = useState(editing);
  const [shownFilter, setShownFilter] = useState(filtered);
  // An empty To account is pointed out once the user tried to send the transfer, not as soon as it is chosen.
  const [toChecked, setToChecked] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const typeId = useId();

  // Derived during render (React's "adjust state on a prop change"): another row to edit, or back to adding.
  if (shown !== editing) {
    setShown(editing);
    setDraft(editing ? draftOf(editing, locale) : BLANK);
    setFeeFollowsQuote(editing ? editing.feeCurrency === editing.quoteCurrency : true);
    setToChecked(false);
  }
  // Another account listed: a new transaction goes to it, whatever was picked before.
  if (shownFilter !== filtered) {
    setShownFilter(filtered);
    if (!editing) setDraft((d) => ({ ...d, account: '' }));
  }
  const account = accountFor(draft.account, filtered, accounts ?? []);
  const transfer = draft.type === 'transfer';
  const income = isIncome(draft.type);
  const problem = transfer && accounts ? transferProblem(accounts, account, draft.toAccount, t) : null;
  // The same account on both sides is said at once; a missing one only after a try.
  const shownProblem = toChecked || (draft.toAccount !== '' && problem !== null) ? problem : null;

  // A new transaction starts at "now" in this browser's zone, set after rendering (React's two-pass rendering
  // for what differs between server and browser): the server's render must not fix a time or a time zone of its
  // own, and no render may read the clock.
  useEffect(() => {
    if (editing) return;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the second pass; no render can compute it
    setDraft((d) => ({ ...d, time: toDateTimeInput(Date.now()) }));
  }, [editing]);

  useEffect(() => {
    if (!editing) return;
    formRef.current?.scrollIntoView({ block: 'nearest' });
    formRef.current?.querySelector('select')?.focus();
  }, [editing]);

  const change = (field: keyof Draft) => (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
    const input = event.currentTarget;
    const recase = CASE[field];
    if (recase && input instanceof HTMLInputElement) {
      // Recased in place, caret kept, so React finds the value it expects and leaves the caret alone.
      const { selectionStart, selectionEnd } = input;
      input.value = recase(input.value);
      input.setSelectionRange(selectionStart, selectionEnd);
    }
    const value = input.value;
    if (field === 'feeCurrency') setFeeFollowsQuote(value === draft.quoteCurrency);
    setDraft((d) => ({
      ...d,
      [field]: value,
      ...(field === 'quoteCurrency' && feeFollowsQuote ? { feeCurrency: value } : {}),
    }));
  };

  const { busy, error, onSubmit } = useFormRequest(async () => {
    setDone(null);
    const input = toInput(draft, account, editing, t, locale);
    if ('error' in input) return input;
    const result = editing ? await updateTransaction(editing.id, input) : await addTransaction(input);
    if (!result.ok) return { error: result.message, field: fieldNamedIn(result.message) };
    const saved = result.data;
    const what = {
      type: typeName(saved.type, t),
      quantity: localDecimal(saved.quantity, locale),
      asset: saved.asset,
    };
    setDone(formMessage(t(editing ? 'saved' : 'added', what)));
    if (!editing) {
      // The accounts stay: the next transaction is often booked in the same place.
      setDraft((d) => ({ ...d, quantity: '', price: '', note: '' }));
      setToChecked(false);
      formRef.current?.querySelector<HTMLInputElement>('input[name="quantity"]')?.focus();
    }
    onSaved(saved, editing !== null);
    return { ok: true };
  });
  // A transfer that cannot be sent is stopped here, its problem shown by its field: no request, no form-wide alert.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    if (!transfer || problem === null) {
      onSubmit(event);
      return;
    }
    event.preventDefault();
    setToChecked(true);
    formRef.current?.querySelector<HTMLElement>('select[name="toAccount"], a[data-fix]')?.focus();
  };

  const field = (name: keyof Draft) => ({ name, value: draft[name], onChange: change(name) });
  const amount = { type: 'text', inputMode: 'decimal', autoComplete: 'off', spellCheck: false } as const;
  const ticker = {
    type: 'text',
    autoComplete: 'off',
    autoCapitalize: 'characters',
    spellCheck: false,
  } as const;

  return (
    <PagePanel title={t(editing ? 'formEditTitle' : 'formAddTitle')} titleId="transaction-form-title">
      <form ref={formRef} className={styles.form} onSubmit={submit}>
        <div className={fieldStyles.field}>
          <label htmlFor={typeId} className={fieldStyles.label}>
            {t('labelType')}
          </label>
          <select id={typeId} className={fieldStyles.input} {...field('type')}>
            {TRANSACTION_TYPES.map((type) => (
              <option key={type} value={type}>
                {typeLabel(type, t)}
              </option>
            ))}
          </select>
        </div>
        <AccountFields
          accounts={accounts}
          account={account}
          onAccount={change('account')}
          toAccount={transfer ? draft.toAccount : null}
          onToAccount={change('toAccount')}
          problem={shownProblem}
        />
        <FormField
          label={t('labelAsset')}
          {...ticker}
          {...field('asset')}
          required
          maxLength={20}
          placeholder={t('placeholderAsset')}
        />
        <FormField
          label={t('labelQuantity')}
          {...amount}
          {...field('quantity')}
          required
          placeholder={`0${decimalMark(locale)}5`}
        />
        <FormField
          label={t('labelPrice')}
          {...amount}
          {...field('price')}
          required={!income}
          hint={t(transfer ? 'priceHintTransfer' : income ? 'priceHintIncome' : 'priceHint')}
        />
        <FormField
          label={t('labelQuoteCurrency')}
          {...ticker}
          {...field('quoteCurrency')}
          required
          maxLength={20}
        />
        <FormField label={t('labelFee')} {...amount} {...field('fee')} required />
        <FormField
          label={t('labelFeeCurrency')}
          {...ticker}
          {...field('feeCurrency')}
          required
          maxLength={20}
        />
        <FormField label={t('labelTime')} type="datetime-local" step={1} {...field('time')} required />
        <FormField
          label={t('labelExchange')}
          type="text"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={40}
          placeholder={t('placeholderExchange')}
          {...field('exchange')}
        />
        <FormField label={t('labelNote')} type="text" maxLength={500} {...field('note')} />
        <div className={styles.formEnd}>
          <div className={styles.messages}>
            <FormAlert message={error} />
            <FormAlert message={done} tone="done" />
          </div>
          <div className={styles.buttons}>
            <SubmitButton
              busy={busy}
              label={t(editing ? 'save' : 'add')}
              busyLabel={t(editing ? 'saving' : 'adding')}
            />
            {editing && (
              <button type="button" className={styles.button} onClick={onCancelEdit}>
                {t('cancelEdit')}
              </button>
            )}
          </div>
        </div>
      </form>
    </PagePanel>
  );
}
