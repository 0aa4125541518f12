/** The German catalog, key for key the English one (checked by the type and tests/lib/i18n-catalog.test.ts). */
import type { Catalog } from '../en';
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

export const de: Catalog = {
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
