#!/usr/bin/env node
/**
 * `npx next analyze -o && node scripts/bundle-weight.mjs [route ...]`: where a route's browser JavaScript comes
 * from, by package (node_modules) or by folder of the app, from the files `next analyze` writes (Turbopack only).
 * Sizes are the analyzer's: each module's part of a chunk compressed on its own, so they add up to more than the
 * gzip of whole chunks that `npm run bench:dashboard` reports; they rank the weight, they do not replace it.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = '.next/diagnostics/analyze/history';
const SCHEMA_VERSION = 1;

function latestSnapshot() {
  if (!existsSync(ROOT)) throw new Error(`no ${ROOT}: run \`npx next analyze -o\` first`);
  const names = readdirSync(ROOT).filter((name) => name.startsWith('snapshot-'));
  names.sort();
  const last = names.at(-1);
  if (!last) throw new Error(`no snapshot in ${ROOT}: run \`npx next analyze -o\` first`);
  return join(ROOT, last);
}

/** The JSON index at the head of an analyze.data file: a 4-byte big-endian length, then the JSON. */
function readIndex(file) {
  const bytes = readFileSync(file);
  const length = bytes.readUInt32BE(0);
  const index = JSON.parse(bytes.subarray(4, 4 + length).toString('utf8'));
  if (index.schema_version !== SCHEMA_VERSION)
    throw new Error(`${file}: schema ${index.schema_version}, this script reads ${SCHEMA_VERSION}`);
  return index;
}

/** Where a module's bytes are counted: its package, else the app folder it is in. */
function ownerOf(path) {
  // Next.js ships React and others inside itself: name them apart from its own code.
  const compiled = /node_modules\/next\/dist\/compiled\/((@[^/]+\/)?[^/]+)/.exec(path);
  if (compiled) return `next (compiled ${compiled[1]})`;
  const pkg = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(path);
  if (pkg) return pkg[1];
  return path.replace('[project]/', '').split('/').slice(0, 1).join('/') || path;
}

function weigh(index) {
  const pathOf = (i) => {
    const parts = [];
    for (
      let at = i;
      at !== undefined && at !== null && index.sources[at];
      at = index.sources[at].parent_source_index
    )
      parts.unshift(index.sources[at].path);
    return parts.join('');
  };
  const browserFiles = new Set(
    index.output_files.flatMap((file, i) => (file.filename.includes('/static/chunks/') ? [i] : [])),
  );
  const owners = new Map();
  let total = 0;
  for (const part of index.chunk_parts) {
    if (!browserFiles.has(part.output_file_index)) continue;
    const owner = ownerOf(pathOf(part.source_index));
    owners.set(owner, (owners.get(owner) ?? 0) + part.compressed_size);
    total += part.compressed_size;
  }
  return { total, owners: [...owners].sort((a, b) => b[1] - a[1]) };
}

const kb = (bytes) => (bytes / 1024).toFixed(1).padStart(7);
const snapshot = latestSnapshot();
const routes = process.argv.slice(2);
for (const route of routes.length > 0 ? routes : ['/', '/login']) {
  const file = join(snapshot, route === '/' ? '' : route, 'analyze.data');
  if (!existsSync(file)) throw new Error(`no analysis of ${route} in ${snapshot}`);
  const { total, owners } = weigh(readIndex(file));
  console.log(`${route}: ${kb(total).trim()} kB in the browser's chunks (modules compressed one by one)`);
  for (const [owner, bytes] of owners.slice(0, 20)) console.log(`${kb(bytes)} kB  ${owner}`);
}
