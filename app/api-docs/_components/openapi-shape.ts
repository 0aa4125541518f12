/** The parts of the server's OpenAPI document the reference page shows, read without trusting its shape. */
export type Json = { [key: string]: unknown };

export const isJson = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export interface Parameter {
  name: string;
  in: string;
  required: boolean;
  schema: unknown;
  description: string;
}

export interface Answer {
  status: string;
  description: string;
  /** The JSON schema, or 'csv' for a file. */
  schema: unknown;
  csv: boolean;
}

export interface Operation {
  method: string;
  path: string;
  tag: string;
  summary: string;
  description: string;
  parameters: Parameter[];
  body: { schema: unknown; csv: boolean } | null;
  answers: Answer[];
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** The JSON or CSV schema of a content map. */
function content(value: unknown): { schema: unknown; csv: boolean } | null {
  if (!isJson(value)) return null;
  const json = value['application/json'];
  if (isJson(json)) return { schema: json.schema, csv: false };
  const csv = value['text/csv'];
  return isJson(csv) ? { schema: csv.schema, csv: true } : null;
}

/** Every operation of the document, in its order; nothing for a document without paths. */
export function operationsOf(document: unknown): Operation[] {
  if (!isJson(document) || !isJson(document.paths)) return [];
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    if (!isJson(item)) continue;
    for (const [method, op] of Object.entries(item)) {
      if (!isJson(op)) continue;
      const tags = Array.isArray(op.tags) ? op.tags : [];
      const parameters = (Array.isArray(op.parameters) ? op.parameters : []).filter(isJson).map((p) => ({
        name: text(p.name),
        in: text(p.in),
        required: p.required === true,
        schema: p.schema,
        description: text(p.description),
      }));
      const body = isJson(op.requestBody) ? content(op.requestBody.content) : null;
      const answers = Object.entries(isJson(op.responses) ? op.responses : {}).flatMap(([status, r]) => {
        if (!isJson(r)) return [];
        const found = content(r.content);
        return [
          { status, description: text(r.description), schema: found?.schema, csv: found?.csv ?? false },
        ];
      });
      operations.push({
        method: method.toUpperCase(),
        path,
        tag: text(tags[0]) || 'other',
        summary: text(op.summary),
        description: text(op.description),
        parameters,
        body,
        answers,
      });
    }
  }
  return operations;
}

/** The document's named schemas, by name. */
export function schemasOf(document: unknown): Array<[string, unknown]> {
  if (!isJson(document) || !isJson(document.components) || !isJson(document.components.schemas)) return [];
  return Object.entries(document.components.schemas);
}
