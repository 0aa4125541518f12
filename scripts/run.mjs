// `npm start` and `npm run demo`: build when the sources are newer than the build, then run the production server.
// `--demo` runs it against the built-in simulated exchange (no internet needed); `--build-only` stops after the build.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = process.cwd();
const SOURCES = [
  'app',
  'pages',
  'client',
  'components',
  'lib',
  'server',
  'public',
  'next.config.ts',
  'package-lock.json',
];
const OUTPUTS = ['dist/server.mjs', 'dist/assets.json', '.next/BUILD_ID'];

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = stat.mtimeMs;
  for (const name of readdirSync(path)) max = Math.max(max, newest(join(path, name)));
  return max;
}

const builtAt = Math.min(...OUTPUTS.map((p) => (existsSync(p) ? statSync(p).mtimeMs : 0)));
const changedAt = Math.max(...SOURCES.map((p) => newest(join(root, p))));
if (builtAt === 0 || changedAt > builtAt) {
  console.log(
    builtAt === 0 ? 'No build yet: building once (about a minute)…' : 'Sources changed: rebuilding…',
  );
  const result = spawnSync('npm', ['run', 'build'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// The tests build once before their workers start, so two test files never run `next build` at once.
if (process.argv.includes('--build-only')) process.exit(0);

process.env.NODE_ENV = 'production';
process.env.NEXT_TELEMETRY_DISABLED = '1';
if (process.argv.includes('--demo')) process.env.DEMO = '1';
await import(join(root, 'dist/server.mjs'));
