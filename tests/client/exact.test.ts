import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import fc from 'fast-check';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { decimalPlaces, Exact, quotient, quotientToDigits, ZERO } from '../../client/exact';
import { Decimal } from '../../lib/portfolio/decimal';

const ROOT = join(__dirname, '..', '..');
const RUNS = { numRuns: 300, seed: Number(process.env.FC_SEED ?? 20_261_204) };

// An in-range amount (lib/portfolio/amount-limits.ts), positive: up to 30 digits before the point, 18 after.
const amount = fc
  .tuple(fc.bigInt({ min: 1n, max: 10n ** 48n - 1n }), fc.integer({ min: 0, max: 18 }))
  .map(([units, places]) => new Decimal(units.toString()).div(new Decimal(10).pow(places)).toFixed());

describe('Exact (the browser arithmetic)', () => {
  it('prints every value in plain notation, however small or large, as the server does', () => {
    expect(new Exact('0.000000000000000001').times('0.5').toString()).toBe('0.0000000000000000005');
    expect(new Exact('1e30').toString()).toBe('1000000000000000000000000000000');
    expect(JSON.stringify({ value: new Exact('1e-18') })).toBe('{"value":"0.000000000000000001"}');
  });

  it('adds decimals exactly: 0.1 + 0.2 is 0.3', () => {
    const sum = ['0.1', '0.2'].reduce((total, text) => total.plus(text), ZERO);
    expect(sum.toString()).toBe('0.3');
    expect(sum.eq('0.3')).toBe(true);
  });

  it('rounds half to even, like the server: 0.125 → 0.12, 0.135 → 0.14', () => {
    expect(new Exact('0.125').toFixed(2)).toBe('0.12');
    expect(new Exact('0.135').toFixed(2)).toBe('0.14');
    expect(new Exact('-0.125').round(2).toString()).toBe('-0.12');
  });

  it('counts the places of a value as it is, trailing zeros not included', () => {
    expect(decimalPlaces(new Exact('65000.10'))).toBe(1);
    expect(decimalPlaces(new Exact('100'))).toBe(0);
    expect(decimalPlaces(new Exact('0.00001234'))).toBe(8);
  });

  it('divides to places as the server rounds them: Decimal div, then toDecimalPlaces half to even', () => {
    fc.assert(
      fc.property(amount, amount, fc.integer({ min: 0, max: 36 }), (a, b, places) => {
        const server = new Decimal(a).div(b).toDecimalPlaces(places, Decimal.ROUND_HALF_EVEN);
        expect(quotient(new Exact(a), new Exact(b), places).toFixed()).toBe(server.toFixed());
      }),
      RUNS,
    );
    // A quotient exactly halfway rounds to even (2.5e-18 → 2e-18, 7.5e-18 → 8e-18), never always up.
    expect(quotient(new Exact(1), new Exact('4e17'), 18).toString()).toBe('0.000000000000000002');
    expect(quotient(new Exact(3), new Exact('4e17'), 18).toString()).toBe('0.000000000000000008');
    // The division's places are its own: the next division keeps 36.
    expect(new Exact(1).div(3).toString()).toBe(`0.${'3'.repeat(36)}`);
  });

  it('divides to significant digits as the server rounds them: toSignificantDigits half to even', () => {
    fc.assert(
      fc.property(amount, amount, fc.integer({ min: 1, max: 24 }), (a, b, digits) => {
        const server = new Decimal(a).div(b).toSignificantDigits(digits, Decimal.ROUND_HALF_EVEN);
        expect(quotientToDigits(new Exact(a), new Exact(b), digits).toFixed()).toBe(server.toFixed());
      }),
      RUNS,
    );
    expect(quotientToDigits(new Exact('0.125'), new Exact(1), 2).toString()).toBe('0.12');
    expect(quotientToDigits(new Exact('9.996'), new Exact(1), 3).toString()).toBe('10');
    expect(quotientToDigits(new Exact('9.994'), new Exact(1), 3).toString()).toBe('9.99');
  });
});

// [decimal.js stays off the dashboard] The page may fetch 200 kB gzip of script (tests/e2e/js-budget.test.ts);
// decimal.js alone is 12.7 kB of it, and the browser's arithmetic is client/exact.ts. Type imports load nothing.
const DECIMAL_JS = ['decimal.js', join(ROOT, 'lib', 'portfolio', 'decimal.ts')];

function resolveImport(from: string, specifier: string): string {
  const base = specifier.startsWith('@/')
    ? join(ROOT, specifier.slice(2))
    : specifier.startsWith('.')
      ? join(dirname(from), specifier)
      : null;
  if (base === null) return specifier;
  const found = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')].find(
    (path) => existsSync(path) && statSync(path).isFile(),
  );
  return found ?? base;
}

// What loading `file` loads: its imports and re-exports but those of types only, and its dynamic imports.
function runtimeImports(file: string): string[] {
  if (!/\.tsx?$/.test(file)) return [];
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const named = clause?.namedBindings;
      const typesOnly =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (!clause.name &&
            named !== undefined &&
            ts.isNamedImports(named) &&
            named.elements.length > 0 &&
            named.elements.every((element) => element.isTypeOnly)));
      if (!typesOnly) found.push(node.moduleSpecifier.text);
    } else if (
      ts.isExportDeclaration(node) &&
      !node.isTypeOnly &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      found.push(node.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      found.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found.map((specifier) => resolveImport(file, specifier));
}

// Every module `entry` loads, each with the chain of imports that reaches it.
function loadedBy(entry: string): Map<string, string[]> {
  const chains = new Map([[entry, [entry]]]);
  const queue = [entry];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    for (const next of runtimeImports(file)) {
      if (chains.has(next)) continue;
      chains.set(next, [...(chains.get(file) ?? []), next]);
      if (next.startsWith(ROOT)) queue.push(next);
    }
  }
  return chains;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const shown = (path: string) => (path.startsWith(ROOT) ? relative(ROOT, path) : path);

describe('decimal.js in the browser', () => {
  it('is not loaded by the dashboard page, through any chain of imports', () => {
    const loaded = loadedBy(join(ROOT, 'app', 'page.tsx'));
    // The walk reaches the modules this change moved off decimal.js; an empty walk would prove nothing.
    for (const module of ['client/live-portfolio.ts', 'components/portfolio-panel.tsx', 'lib/alerts.ts'])
      expect(loaded.has(join(ROOT, module))).toBe(true);
    const chains = DECIMAL_JS.flatMap((target) => {
      const chain = loaded.get(target);
      return chain ? [chain.map(shown).join(' → ')] : [];
    });
    expect(chains).toEqual([]);
  });

  it('is imported by no module under client/, components/ or app/, except for types', () => {
    const files = ['client', 'components', 'app'].flatMap((dir) => sourceFiles(join(ROOT, dir)));
    expect(files.length).toBeGreaterThan(100);
    const importers = files.filter((file) =>
      runtimeImports(file).some((target) => DECIMAL_JS.includes(target)),
    );
    expect(importers.map(shown)).toEqual([]);
  });
});
