'use client';
/** The "Add transaction" form, which also edits a transaction: amounts stay the decimal strings typed, tickers upper-case. */
import { useEffect, useId, useRef, useState } from 'react';
import type { ChangeEvent } from 'react';
import { FormAlert, FormField, SubmitButton, formMessage, useFormRequest } from '@/components/auth-card';
import type { FormMessage } from '@/components/auth-card';
import fieldStyles from '@/components/auth-card.module.css';
import { PagePanel } from '@/components/page-shell';
import {
  OPTIONAL_TRANSACTION_FIELDS,
  TRANSACTION_FIELDS,
  addTransaction,
  updateTransaction,
} from '@/client/api/portfolio';
import type { TransactionInput, TransactionRecord } from '@/client/api/portfolio';
import { TRANSACTION_TYPES } from '@/lib/portfolio/transaction';
import { TYPE_LABELS, toDateTimeInput } from './transaction-text';
import styles from './transactions.module.css';

/** The quote currency a new transaction starts with. */
const DEFAULT_QUOTE = 'USDT';

/**
 * The form's fields as typed, optional ones as ''; `time` is a datetime-local value in this browser's zone. The
 * accounts are not asked: a new transaction goes to the oldest account, an edited one stays in its own.
 */
type Draft = Required<Omit<TransactionInput, 'account' | 'toAccount'>>;

const BLANK: Draft = {
  type: 'buy',
  asset: '',
  quantity: '',
  price: '',
  quoteCurrency: DEFAULT_QUOTE,
  fee: '0',
  feeCurrency: DEFAULT_QUOTE,
  time: '',
  exchange: '',
  note: '',
};

function draftOf(t: TransactionRecord): Draft {
  return { ...t, time: toDateTimeInput(t.timeMs), exchange: t.exchange ?? '', note: t.note ?? '' };
}

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
  /** The server's answer: a new transaction, or the edited one replaced. */
  onSaved(transaction: TransactionRecord, edited: boolean): void;
  onCancelEdit(): void;
}

/** Labelled fields in a grid; the server's refusal shows verbatim in a role="alert" region, the entered values kept. */
export function TransactionForm({ editing, onSaved, onCancelEdit }: TransactionFormProps) {
  const [draft, setDraft] = useState<Draft>(() => (editing ? draftOf(editing) : BLANK));
  // The fee currency follows the quote currency until it is set apart from it.
  const [feeFollowsQuote, setFeeFollowsQuote] = useState(true);
  const [done, setDone] = useState<FormMessage | null>(null);
  const [shown, setShown] = useState(editing);
  const formRef = useRef<HTMLFormElement>(null);
  const typeId = useId();

  if (shown !== editing) {
    // Derived during render (React's "adjust state on a prop change"): another row to edit, or back to adding.
    setShown(editing);
    setDraft(editing ? draftOf(editing) : BLANK);
    setFeeFollowsQuote(editing ? editing.feeCurrency === editing.quoteCurrency : true);
  }

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
    const input = toInput(draft, editing);
    if ('error' in input) return input;
    const result = editing ? await updateTransaction(editing.id, input) : await addTransaction(input);
    if (!result.ok) return { error: result.message, field: fieldNamedIn(result.message) };
    const saved = result.data;
    setDone(formMessage(`${editing ? 'Saved' : 'Added'} ${saved.type} ${saved.quantity} ${saved.asset}.`));
    if (!editing) {
      setDraft((d) => ({ ...d, quantity: '', price: '', note: '' }));
      formRef.current?.querySelector<HTMLInputElement>('input[name="quantity"]')?.focus();
    }
    onSaved(saved, editing !== null);
    return { ok: true };
  });

  const field = (name: keyof Draft) => ({ name, value: draft[name], onChange: change(name) });
  const amount = { type: 'text', inputMode: 'decimal', autoComplete: 'off', spellCheck: false } as const;
  const ticker = {
    type: 'text',
    autoComplete: 'off',
    autoCapitalize: 'characters',
    spellCheck: false,
  } as const;

  return (
    <PagePanel title={editing ? 'Edit transaction' : 'Add transaction'} titleId="transaction-form-title">
      <form ref={formRef} className={styles.form} onSubmit={onSubmit}>
        <div className={fieldStyles.field}>
          <label htmlFor={typeId} className={fieldStyles.label}>
            Type
          </label>
          <select id={typeId} className={fieldStyles.input} {...field('type')}>
            {/* A transfer names two accounts, which this form does not ask for: offered only to edit one. */}
            {TRANSACTION_TYPES.filter((type) => type !== 'transfer' || draft.type === 'transfer').map(
              (type) => (
                <option key={type} value={type}>
                  {TYPE_LABELS[type]}
                </option>
              ),
            )}
          </select>
        </div>
        <FormField label="Asset" {...ticker} {...field('asset')} required maxLength={20} placeholder="BTC" />
        <FormField label="Quantity" {...amount} {...field('quantity')} required placeholder="0.5" />
        <FormField
          label="Price"
          {...amount}
          {...field('price')}
          required
          hint="Per unit, in the quote currency; for a deposit, its cost per unit."
        />
        <FormField label="Quote currency" {...ticker} {...field('quoteCurrency')} required maxLength={20} />
        <FormField label="Fee" {...amount} {...field('fee')} required />
        <FormField label="Fee currency" {...ticker} {...field('feeCurrency')} required maxLength={20} />
        <FormField label="Date and time" type="datetime-local" step={1} {...field('time')} required />
        <FormField
          label="Exchange (optional)"
          type="text"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={40}
          placeholder="binance"
          {...field('exchange')}
        />
        <FormField label="Note (optional)" type="text" maxLength={500} {...field('note')} />
        <div className={styles.formEnd}>
          <div className={styles.messages}>
            <FormAlert message={error} />
            <FormAlert message={done} tone="done" />
          </div>
          <div className={styles.buttons}>
            <SubmitButton
              busy={busy}
              label={editing ? 'Save changes' : 'Add transaction'}
              busyLabel={editing ? 'Saving…' : 'Adding…'}
            />
            {editing && (
              <button type="button" className={styles.button} onClick={onCancelEdit}>
                Cancel edit
              </button>
            )}
          </div>
        </div>
      </form>
    </PagePanel>
  );
}

/** The request body from the draft; an edited transaction whose time was left alone keeps its exact time. */
function toInput(
  draft: Draft,
  editing: TransactionRecord | null,
): TransactionInput | { error: string; field: string } {
  const when = new Date(draft.time);
  if (!draft.time || Number.isNaN(when.getTime())) {
    return { error: 'Enter the date and time.', field: 'time' };
  }
  const unchanged = editing !== null && draft.time === toDateTimeInput(editing.timeMs);
  const exchange = draft.exchange.trim();
  const note = draft.note.trim();
  return {
    type: draft.type,
    asset: draft.asset.trim(),
    quantity: draft.quantity.trim(),
    price: draft.price.trim(),
    quoteCurrency: draft.quoteCurrency.trim(),
    fee: draft.fee.trim(),
    feeCurrency: draft.feeCurrency.trim(),
    time: unchanged ? editing.time : when.toISOString(),
    ...(exchange ? { exchange } : {}),
    ...(note ? { note } : {}),
  };
}

const FIELDS: readonly string[] = [...TRANSACTION_FIELDS, ...OPTIONAL_TRANSACTION_FIELDS];

/** The field a server message names ("price: must not be negative"), else the quantity (a sell above the holding). */
function fieldNamedIn(message: string): string {
  const named = /^(\w+):/.exec(message)?.[1];
  if (named && FIELDS.includes(named)) return named;
  if (/quoted in/.test(message)) return 'quoteCurrency';
  return /the fee of/.test(message) ? 'fee' : 'quantity';
}
