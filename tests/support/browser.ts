/** Headless Debian Chromium driven by playwright-core, with the flags this network needs (no browser downloads). */
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';

// Without the background-networking flags Chromium keeps dialling Google's hosts, which a closed network refuses.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The Chromium binary; installed by scripts/ensure-chromium.mjs when missing and possible. */
export function chromiumPath(): string {
  return execFileSync(process.execPath, ['scripts/ensure-chromium.mjs'], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .at(-1) as string;
}

/** Launches headless Chromium with a fresh profile. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
}
