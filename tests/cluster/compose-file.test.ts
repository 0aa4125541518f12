import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SESSION_COOKIE } from '../../server/auth/session-cookie';
import { CONFIG_VARIABLES } from '../../server/config';
import { NGINX_CONF } from '../support/nginx';

// compose.yaml's scaled profile and deploy/nginx.conf describe one deployment: they must agree with each other
// and with the server's configuration. (No Docker engine runs in the tests; nginx.test.ts runs the nginx file.)
interface Service {
  image?: string;
  build?: string;
  profiles?: string[];
  environment?: Record<string, string | number>;
  volumes?: string[];
  ports?: string[];
}

const compose = parse(readFileSync(join(import.meta.dirname, '../../compose.yaml'), 'utf8'), {
  merge: true,
}) as { services: Record<string, Service> };
const services = compose.services;
const scaled = Object.entries(services).filter(([, s]) => s.profiles?.includes('scaled'));
const instances = scaled.filter(([, s]) => s.image === 'livefolio');

describe('compose.yaml and deploy/nginx.conf', () => {
  it('the single instance starts without a profile; everything else of the scaled profile only with it', () => {
    expect(services.livefolio?.profiles).toBeUndefined();
    expect(Object.keys(services).filter((name) => !services[name]?.profiles)).toEqual(['livefolio']);
    expect(instances.map(([name]) => name)).toEqual(['app1', 'app2', 'app3']);
  });

  it('every instance of the scaled profile shares Redis and PostgreSQL and believes the one proxy', () => {
    const pg = services.postgres?.environment ?? {};
    for (const [, service] of instances) {
      const env = service.environment ?? {};
      for (const name of Object.keys(env)) expect(CONFIG_VARIABLES).toContain(name);
      expect(env.REDIS_URL).toBe('redis://redis:6379');
      const db = new URL(String(env.DATABASE_URL).replace(/\$\{POSTGRES_PASSWORD:-(\w+)\}/, '$1'));
      expect([db.protocol, db.hostname, db.username, db.pathname]).toEqual([
        'postgres:',
        'postgres',
        pg.POSTGRES_USER,
        `/${pg.POSTGRES_DB}`,
      ]);
      expect(env.TRUST_PROXY).toBe(1);
      expect(env.PORT).toBe(3000);
    }
  });

  it('nginx balances exactly the scaled instances, on their port, and compose mounts that file', () => {
    const conf = readFileSync(NGINX_CONF, 'utf8');
    const upstream = [...conf.matchAll(/^\s*server (\S+):(\d+)/gm)].map(
      ([, host, port]) => `${host}:${port}`,
    );
    expect(upstream).toEqual(instances.map(([name, s]) => `${name}:${s.environment?.PORT}`));
    expect(services.balancer?.volumes).toContain('./deploy/nginx.conf:/etc/nginx/nginx.conf:ro');
    // Sticky by the session cookie's name, as the server sets it.
    expect(conf).toContain(`hash $cookie_${SESSION_COOKIE} consistent;`);
  });
});
