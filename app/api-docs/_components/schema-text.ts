/**
 * A JSON Schema (as the OpenAPI document holds it) written as a TypeScript-like type, the way a reader of the API
 * thinks of it: `{ name: string; expiresAt: number | null }`, with named schemas by name.
 */
import { isJson } from './openapi-shape';
import type { Json } from './openapi-shape';

const INDENT = '  ';

/** The name a `$ref` points at: `#/components/schemas/ApiToken` → `ApiToken`. */
export const refName = (ref: string) => ref.slice(ref.lastIndexOf('/') + 1);

/** `schema` as text; objects are written over several lines, indented by `depth`. */
export function schemaText(schema: unknown, depth = 0): string {
  if (!isJson(schema)) return 'unknown';
  if (typeof schema.$ref === 'string') return refName(schema.$ref);
  if ('const' in schema) return JSON.stringify(schema.const);
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
  const union = Array.isArray(schema.anyOf)
    ? schema.anyOf
    : Array.isArray(schema.oneOf)
      ? schema.oneOf
      : null;
  if (union) return union.map((part) => schemaText(part, depth)).join(' | ');
  if (Array.isArray(schema.type))
    return schema.type.map((type) => schemaText({ ...schema, type }, depth)).join(' | ');
  switch (schema.type) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'null':
      return schema.type;
    case 'integer':
      return 'integer';
    case 'array':
      return arrayText(schema, depth);
    case 'object':
      return objectText(schema, depth);
    default:
      return 'unknown';
  }
}

function arrayText(schema: Json, depth: number): string {
  if (Array.isArray(schema.prefixItems)) {
    return `[${schema.prefixItems.map((item) => schemaText(item, depth)).join(', ')}]`;
  }
  const item = schemaText(schema.items, depth);
  return / \| /.test(item) ? `(${item})[]` : `${item}[]`;
}

function objectText(schema: Json, depth: number): string {
  const properties = isJson(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  const pad = INDENT.repeat(depth + 1);
  const lines = Object.entries(properties).map(
    ([name, value]) => `${pad}${name}${required.has(name) ? '' : '?'}: ${schemaText(value, depth + 1)};`,
  );
  if (isJson(schema.additionalProperties)) {
    lines.push(`${pad}[key: string]: ${schemaText(schema.additionalProperties, depth + 1)};`);
  }
  return lines.length === 0 ? '{}' : `{\n${lines.join('\n')}\n${INDENT.repeat(depth)}}`;
}
