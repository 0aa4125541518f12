import js from '@eslint/js';
import nextPlugin from '@next/eslint-plugin-next';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

// The browser's code: what React and Next.js run.
const BROWSER_FILES = [
  'app/**/*.{ts,tsx}',
  'pages/**/*.{ts,tsx}',
  'components/**/*.{ts,tsx}',
  'client/**/*.{ts,tsx}',
];

export default defineConfig(
  { ignores: ['node_modules', '.next', 'dist', 'data', 'next-env.d.ts'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    // The service worker: a script of its own, run by the browser in a worker's scope.
    files: ['public/sw.js'],
    languageOptions: {
      sourceType: 'script',
      globals: {
        self: 'readonly',
        caches: 'readonly',
        fetch: 'readonly',
        Response: 'readonly',
        URL: 'readonly',
      },
    },
  },
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  { files: BROWSER_FILES, extends: [reactHooks.configs.flat.recommended] },
  {
    files: BROWSER_FILES,
    plugins: { '@next/next': nextPlugin },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs['core-web-vitals'].rules,
      // pages/ holds only /login, which carries no client runtime to navigate with: a plain <a> that loads the
      // whole document is how to reach it, and what <Link> would do there anyway.
      '@next/next/no-html-link-for-pages': 'off',
    },
  },
);
