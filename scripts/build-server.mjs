// Bundles the custom server (server/index.ts and what it imports from lib/) into dist/server.mjs.
// Packages stay external: they are resolved from node_modules at run time like any Node program's.
import { build } from 'esbuild';

await build({
  entryPoints: ['server/index.ts'],
  outfile: 'dist/server.mjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
console.log('server bundled: dist/server.mjs');
