/** Words and limits the accounts page shares between its parts. */
import type { Translate } from '../../../lib/i18n/messages/en';

export { MAX_ACCOUNT_NAME_LENGTH as MAX_ACCOUNT_NAME } from '../../../lib/portfolio/account';

/** "3 transactions"; "No transactions" for none. */
export function transactionsText(t: Translate<'accounts'>, count: number): string {
  return count === 0 ? t('noTransactions') : t('transactionCount', { count });
}

/** The question before an account is deleted: "Delete Ledger and its 3 transactions?", or "Delete Ledger?". */
export function deleteQuestionText(t: Translate<'accounts'>, name: string, count: number): string {
  return count === 0 ? t('deleteQuestion', { name }) : t('deleteWithTransactions', { name, count });
}

/** What a delete did: "Deleted Ledger and its 3 transactions.", or "Deleted Ledger.". */
export function deletedText(t: Translate<'accounts'>, name: string, count: number): string {
  return count === 0 ? t('deleted', { name }) : t('deletedWithTransactions', { name, count });
}
