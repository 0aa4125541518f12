// Bundles the custom server (server/index.ts and what it imports from lib/) into dist/server.mjs.
// Packages stay external: they are resolved from node_modules at run time like any Node program's.
// With NEXT_STANDALONE=1 (the container image's build, see next.config.ts), the server then joins Next's
// standalone output in .next/standalone: the bundle, the files of node_modules it reads, and server.mjs to start it.
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { build } from 'esbuild';

const STANDALONE = '.next/standalone';

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
