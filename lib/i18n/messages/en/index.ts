/** The English catalog: the source every other language's catalog is checked against, key for key. */
import type { PluralMessage } from '../../translate';
import { common } from './common';
import { dashboard } from './dashboard';
import { chart } from './chart';
import { alerts } from './alerts';
import { portfolio } from './portfolio';
import { transactions } from './transactions';
import { accounts } from './accounts';
import { reports } from './reports';
import { users } from './users';
import { tokens } from './tokens';
import { notifications } from './notifications';
import { apiDocs } from './api-docs';
import { setup } from './setup';
import { login } from './login';

export const en = {
  common,
  dashboard,
  chart,
  alerts,
  portfolio,
  transactions,
  accounts,
  reports,
  users,
  tokens,
  notifications,
  apiDocs,
  setup,
  login,
};

type MessagesOf<T> = { [K in keyof T]: T[K] extends string ? string : PluralMessage };

/** What a language's catalog must hold: every namespace and key of the English one, nothing else. */
export type Catalog = { [N in keyof typeof en]: MessagesOf<(typeof en)[N]> };

/** The messages of one namespace, as `useT(namespace)` gives them to a component and it passes them to helpers. */
export type Translate<N extends keyof Catalog> = (
  key: keyof Catalog[N] & string,
  values?: Record<string, string | number>,
) => string;
