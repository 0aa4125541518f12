'use client';
/** The accounts list and the "Add user" form; for anyone but an admin, the server's refusal instead. */
import { useEffect, useState } from 'react';
import { useT } from '@/client/i18n/provider';
import {
  AdminBadge,
  FormAlert,
  NewPasswordField,
  SubmitButton,
  UsernameField,
  fieldNamedIn,
  formMessage,
  useFormRequest,
} from '@/components/auth-card';
import type { FormMessage } from '@/components/auth-card';
import { formText } from '@/client/api/auth';
import { createUser, listUsers } from '@/client/api/users';
import type { AccountUser } from '@/client/api/users';
import { PagePanel } from '@/components/page-shell';
import styles from './users-admin.module.css';

/** Loads the list once; a new account is added to it from the server's answer, without loading it again. */
export function UsersAdmin() {
  const t = useT('users');
  const [users, setUsers] = useState<AccountUser[] | null>(null);
  const [loadError, setLoadError] = useState<FormMessage | null>(null);
  const [signedOut, setSignedOut] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    void listUsers(controller.signal).then((result) => {
      if (controller.signal.aborted) return;
      if (result.ok) setUsers(result.data);
      else {
        setLoadError(formMessage(result.message));
        setSignedOut(result.status === 401);
      }
    });
    return () => controller.abort();
  }, []);

  return (
    <>
      {/* Always in the page, so a refusal (403 for a non-admin) is announced. */}
      <FormAlert message={loadError} />
      {signedOut && (
        <p>
          <a href="/login?next=%2Fusers" className={styles.link}>
            {t('signIn')}
          </a>
        </p>
      )}
      {users === null && !loadError && <p className={styles.muted}>{t('loading')}</p>}
      {users && (
        <div className={styles.columns}>
          <UserList users={users} />
          <AddUserForm onAdded={(user) => setUsers((list) => [...(list ?? []), user])} />
        </div>
      )}
    </>
  );
}

function UserList({ users }: { users: AccountUser[] }) {
  const t = useT('users');
  return (
    <PagePanel title={t('listTitle')} titleId="users-list-title" count={users.length}>
      <ul className={styles.list}>
        {users.map((user) => (
          <li key={user.id} className={styles.user}>
            <span className={styles.initial} aria-hidden="true">
              {user.username.charAt(0).toUpperCase()}
            </span>
            <span className={styles.username}>{user.username}</span>
            {user.isAdmin && <AdminBadge />}
          </li>
        ))}
      </ul>
    </PagePanel>
  );
}

function AddUserForm({ onAdded }: { onAdded: (user: AccountUser) => void }) {
  const t = useT('users');
  const [done, setDone] = useState<FormMessage | null>(null);
  const { busy, error, onSubmit } = useFormRequest(async (form) => {
    setDone(null);
    const result = await createUser({
      username: formText(form, 'username').trim(),
      password: formText(form, 'password'),
      isAdmin: formText(form, 'isAdmin') === 'on',
    });
    if (!result.ok) return { error: result.message, field: fieldNamedIn(result.message) };
    onAdded(result.data);
    form.reset();
    const { username, isAdmin } = result.data;
    setDone(formMessage(t(isAdmin ? 'addedAdmin' : 'added', { username })));
    form.querySelector('input')?.focus();
    return { ok: true };
  });

  return (
    <PagePanel title={t('addTitle')} titleId="add-user-title">
      <form className={styles.form} onSubmit={onSubmit}>
        <UsernameField isNew autoComplete="off" />
        <NewPasswordField hint={t('passwordHint')} />
        <label className={styles.checkbox}>
          <input type="checkbox" name="isAdmin" />
          <span>
            {t('adminLabel')} <span className={styles.muted}>{t('adminNote')}</span>
          </span>
        </label>
        <div className={styles.messages}>
          <FormAlert message={error} />
          <FormAlert message={done} tone="done" />
        </div>
        <SubmitButton busy={busy} label={t('addButton')} busyLabel={t('addBusy')} />
      </form>
    </PagePanel>
  );
}
