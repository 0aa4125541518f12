import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES, loadConfig } from '../../server/config';

// The environment is a public contract: the code, the README's table and .env.example name the same variables,
// and .env.example's values are the defaults.
const readme = readFileSync('README.md', 'utf8');
const example = readFileSync('.env.example', 'utf8');

const tableVariables = () => {
  const section = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('## Layout'));
  return [...section.matchAll(/^\| `([A-Z_]+)`/gm)].map((m) => m[1]);
};
const exampleEntries = () =>
  [...example.matchAll(/^(#\s*)?([A-Z][A-Z_]+)=(.*)$/gm)].map((m) => ({
    name: m[2] as string,
    value: m[3] as string,
    commented: m[1] !== undefined,
  }));

describe('the documented environment', () => {
  it("the README's Configuration table lists exactly the variables the server reads", () => {
    expect([...tableVariables()].sort()).toEqual([...CONFIG_VARIABLES].sort());
  });

  it('.env.example lists exactly the same variables', () => {
    expect(
      exampleEntries()
        .map((e) => e.name)
        .sort(),
    ).toEqual([...CONFIG_VARIABLES].sort());
  });

  it(".env.example's values are the defaults; the ones without a default are commented out", () => {
    const defaults = loadConfig({}) as Record<string, unknown>;
    for (const entry of exampleEntries()) {
      if (entry.commented) {
        expect({ [entry.name]: defaults[entry.name] }).toEqual({ [entry.name]: undefined });
        continue;
      }
      const parsed = loadConfig({ [entry.name]: entry.value }) as Record<string, unknown>;
      expect({ [entry.name]: parsed[entry.name] }).toEqual({ [entry.name]: defaults[entry.name] });
    }
  });
});
