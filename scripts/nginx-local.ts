/**
 * deploy/nginx.conf made runnable by a local nginx in front of local instances: the instances' addresses, the
 * listening address and nginx's own paths replaced, nothing else. Used by tests/support/nginx.ts and by
 * scripts/container-smoke.sh (`tsx scripts/nginx-local.ts <dir> <listen-port> <instance-port>...` writes
 * <dir>/nginx.conf).
 */
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const NGINX_CONF = join(import.meta.dirname, '../deploy/nginx.conf');

/** Writes `dir`/nginx.conf and the directories it names; returns the file's path. */
export function writeLocalNginxConf(dir: string, listenPort: number, ports: readonly number[]): string {
  // Run as root, nginx's workers switch to an unprivileged user that must write its temporary files.
  chmodSync(dir, 0o777);
  for (const sub of ['body', 'proxy']) mkdirSync(join(dir, sub), { mode: 0o777, recursive: true });
  let upstream = 0;
  const conf = readFileSync(NGINX_CONF, 'utf8')
    .replace(/server app\d:3000/g, () => `server 127.0.0.1:${ports[upstream++]}`)
    .replace(/listen 80;/, `listen 127.0.0.1:${listenPort};`)
    .replace(
      /http \{/,
      `http {\n  client_body_temp_path ${dir}/body;\n  proxy_temp_path ${dir}/proxy;\n` +
        `  fastcgi_temp_path ${dir}/proxy;\n  uwsgi_temp_path ${dir}/proxy;\n  scgi_temp_path ${dir}/proxy;`,
    );
  if (upstream !== ports.length)
    throw new Error(`deploy/nginx.conf names ${upstream} instances, not ${ports.length}`);
  const path = join(dir, 'nginx.conf');
  writeFileSync(path, conf);
  return path;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const [dir, listen, ...ports] = process.argv.slice(2);
  if (!dir || !listen || ports.length === 0) {
    process.stderr.write('usage: tsx scripts/nginx-local.ts <dir> <listen-port> <instance-port>...\n');
    process.exit(2);
  }
  process.stdout.write(`${writeLocalNginxConf(dir, Number(listen), ports.map(Number))}\n`);
}
