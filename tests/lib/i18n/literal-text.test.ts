import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// [L4] Every word a page shows comes from the catalog: no component writes text of its own into JSX, neither as
// content nor in the attributes a reader meets (names, hints, placeholders). Symbols and punctuation may stay.
const ROOT = join(__dirname, '..', '..', '..');
const READ_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'title', 'placeholder', 'alt', 'label']);
const WORD = /[A-Za-zÄÖÜäöüß]{2,}/;
// Ticker symbols (BTC, ETH) are the same in every language.
const SYMBOL = /^[A-Z0-9]{2,10}$/;

function tsxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsxFiles(path);
    return name.endsWith('.tsx') ? [path] : [];
  });
}

function literalTexts(file: string): string[] {
  const source = ts.createSourceFile(
    file,
    readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TSX,
  );
  const found: string[] = [];
  const at = (node: ts.Node) =>
    `${relative(ROOT, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && WORD.test(node.text)) found.push(`${at(node)} ${node.text.trim()}`);
    if (ts.isJsxAttribute(node) && READ_ATTRIBUTES.has(node.name.getText(source))) {
      const value = node.initializer;
      const text =
        value && ts.isStringLiteral(value)
          ? value.text
          : value && ts.isJsxExpression(value) && value.expression && ts.isStringLiteralLike(value.expression)
            ? value.expression.text
            : null;
      if (text !== null && WORD.test(text) && !SYMBOL.test(text))
        found.push(`${at(node)} ${node.name.getText(source)}="${text}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('text written into components', () => {
  it('[L4] none: every visible word and every accessible name comes from the message catalog', () => {
    const files = ['app', 'components', 'pages'].flatMap((dir) => tsxFiles(join(ROOT, dir)));
    expect(files.length).toBeGreaterThan(50);
    expect(files.flatMap(literalTexts)).toEqual([]);
  });
});
