// Bundles the custom server (server/index.ts and what it imports from lib/) into dist/server.mjs.
// Packages stay external: they are resolved from node_modules at run time like any Node program's.
// Then the pages' own browser scripts, which Next.js does not build (the sign-in page runs without its client
// runtime): each into dist/assets/ with its content's hash in the name, listed by entry in dist/assets.json, which
// the page reads for its <script src>; the server serves them (server/http/page-assets.ts).
// With NEXT_STANDALONE=1 (the container image's build, see next.config.ts), the server then joins Next's
// standalone output in .next/standalone: the bundle, the files of node_modules it reads, and server.mjs to start it.
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { build } from 'esbuild';

const STANDALONE = '.next/standalone';
const PAGE_SCRIPTS = { 'login-form': 'client/login/login-form.ts' };

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

// A new build replaces the old files: a name no page refers to any more is never served again.
await rm('dist/assets', { recursive: true, force: true });
const scripts = await build({
  entryPoints: PAGE_SCRIPTS,
  outdir: 'dist/assets',
  entryNames: '[name].[hash]',
  bundle: true,
  platform: 'browser',
  format: 'iife',
  // The browsers Next.js builds for by default, so these scripts run wherever its pages do.
  target: ['chrome111', 'edge111', 'firefox111', 'safari16.4'],
  define: { 'process.env.NODE_ENV': '"production"' },
  minify: true,
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
});
const urls = {};
for (const [file, output] of Object.entries(scripts.metafile.outputs)) {
  const entry = Object.entries(PAGE_SCRIPTS).find(([, source]) => source === output.entryPoint)?.[0];
  if (entry) urls[entry] = `/assets/${basename(file)}`;
}
await writeFile('dist/assets.json', `${JSON.stringify(urls, null, 2)}\n`);
console.log(`page scripts bundled: ${Object.values(urls).join(', ')}`);

if (process.env.NEXT_STANDALONE === '1') {
  // Next's own file tracer (@vercel/nft), so the server's files are found by the same rules as Next's. Next itself
  // is left out: the standalone output already holds what of it a production server reads, and a trace from
  // its entry would also take in its compilers.
  const { nodeFileTrace } = createRequire(import.meta.url)('next/dist/compiled/@vercel/nft');
  const { fileList } = await nodeFileTrace(['dist/server.mjs'], {
    base: process.cwd(),
    ignore: (path) => /^node_modules\/(next|@next)\//.test(path),
  });
  for (const file of fileList) await cp(file, join(STANDALONE, file), { verbatimSymlinks: true });
  // Read by path at run time, which no tracer follows.
  await cp('dist/assets', join(STANDALONE, 'dist/assets'), { recursive: true });
  await cp('dist/assets.json', join(STANDALONE, 'dist/assets.json'));

  // Next's server.js would serve pages without the custom server (no socket.io, no API): replaced by one that
  // starts the custom server on the configuration of this build, as Next's does. Next then neither reads nor
  // compiles next.config.ts at start (its compiler is not in the output).
  await rm(join(STANDALONE, 'server.js'), { force: true });
  const { config } = JSON.parse(await readFile('.next/required-server-files.json', 'utf8'));
  await writeFile(
    join(STANDALONE, 'server.mjs'),
    `// Written by scripts/build-server.mjs: the production server with the configuration Next was built with.\n` +
      `process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = ${JSON.stringify(JSON.stringify(config))};\n` +
      `await import('./dist/server.mjs');\n`,
  );
  console.log(`standalone server: ${STANDALONE}/server.mjs (${fileList.size} files traced)`);
}
