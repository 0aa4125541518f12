/**
 * The sign-in page's script: the page (pages/login.tsx) is rendered without Next.js's client runtime, and this
 * does what its React form did. It signs in through the API instead of letting the form post, shows the server's
 * refusal in the form's alert and puts the password field in focus, and on success clears what the last account
 * left in this browser and goes to the page the visitor was sent from. Its texts come from the form's `data-text`,
 * so the page decides the language. Bundled on its own by scripts/build-server.mjs.
 */
import { formText, signIn } from '../api/auth';
import { clearPrivateCaches } from '../offline/private-caches';
import { safeNextPath } from '../../lib/next-path';
import { refusalText } from './login-text';
import type { LoginText } from './login-text';

/** The id of the form pages/login.tsx renders, with its texts in data attributes. */
const FORM_ID = 'login-form';

function enhance(form: HTMLFormElement): void {
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
  const alert = form.querySelector<HTMLElement>('[role="alert"]');
  if (!button || !alert) return;
  const label = button.textContent ?? '';
  const text = readText(form);
  let busy = false;

  const setBusy = (value: boolean) => {
    busy = value;
    button.disabled = value;
    button.textContent = value ? (text?.busy ?? label) : label;
  };

  // A new paragraph each time, so the same words twice are announced twice.
  const show = (message: string | null) => {
    alert.replaceChildren();
    if (message === null) return;
    const paragraph = document.createElement('p');
    paragraph.className = alert.dataset.messageClass ?? '';
    paragraph.textContent = message;
    alert.append(paragraph);
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    show(null);
    void signIn(formText(form, 'username').trim(), formText(form, 'password')).then(async (result) => {
      if (!result.ok) {
        // Worded by the page's catalog, in its language: the API's own message is English.
        show(text ? refusalText(text, result.code, result.retryAfterMs) : result.message);
        const password = form.elements.namedItem('password');
        if (password instanceof HTMLInputElement) {
          password.focus();
          password.select();
        }
        setBusy(false);
        return;
      }
      // Pages kept for offline use by whoever signed in here before are never shown to this account.
      await clearPrivateCaches();
      // Busy until the page is gone: the next one is on its way.
      window.location.assign(safeNextPath(new URLSearchParams(window.location.search).get('next')));
    });
  });

  // Back from the next page, the browser may show this one as it was left: busy, with its button disabled.
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) setBusy(false);
  });
}

// The page's texts, as pages/login.tsx put them on the form; null if they are missing or not an object.
function readText(form: HTMLFormElement): LoginText | null {
  try {
    const text: unknown = JSON.parse(form.dataset.text ?? '');
    return typeof text === 'object' && text !== null ? (text as LoginText) : null;
  } catch {
    return null;
  }
}

function registerServiceWorker(): void {
  if (process.env.NODE_ENV !== 'production' || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch((error: unknown) => {
    // The app works without it, only not offline: say so where a developer looks.
    console.warn('Livefolio: the service worker could not be registered', error);
  });
}

const form = document.getElementById(FORM_ID);
if (form instanceof HTMLFormElement && form.dataset.enhanced === undefined) {
  // Once: in development the module can be evaluated again (a hot update).
  form.dataset.enhanced = '';
  enhance(form);
}
// Every page registers the worker (app/layout.tsx), this one as well, so the first visit already installs it.
registerServiceWorker();
