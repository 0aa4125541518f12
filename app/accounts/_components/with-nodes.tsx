/** A translated sentence with elements in it: each `{name}` placeholder left in the text becomes `nodes[name]`. */
import { Fragment } from 'react';
import type { ReactNode } from 'react';

/**
 * The parts of `text` with its placeholders replaced by nodes, so a language puts a link or a time where its
 * sentence needs it. A placeholder without a node stays visible, as the translator leaves it.
 */
export function withNodes(text: string, nodes: Record<string, ReactNode>): ReactNode {
  // split with a capturing group: literal text at even indexes, placeholder names at odd ones.
  return text.split(/\{(\w+)\}/).map((part, i) => {
    if (i % 2 === 0) return part;
    return <Fragment key={i}>{Object.hasOwn(nodes, part) ? nodes[part] : `{${part}}`}</Fragment>;
  });
}
