import { describe, expect, it } from 'vitest';
import { operationsOf } from '../../../app/api-docs/_components/openapi-shape';
import { schemaText } from '../../../app/api-docs/_components/schema-text';

describe('the API reference writes schemas as a reader thinks of them', () => {
  it('[H5] objects, optional fields, nullables, enums, arrays, tuples, records and named schemas', () => {
    const schema = {
      type: 'object',
      properties: {
        tokens: { type: 'array', items: { $ref: '#/components/schemas/ApiToken' } },
        scope: { type: 'string', enum: ['read', 'read-write'] },
        expiresAt: { anyOf: [{ type: 'integer' }, { type: 'null' }] },
        points: {
          type: 'array',
          items: { type: 'array', prefixItems: [{ type: 'number' }, { type: 'string' }] },
        },
        pricing: { type: 'object', additionalProperties: { type: ['string', 'null'] } },
        note: { type: 'string' },
      },
      required: ['tokens', 'scope', 'expiresAt', 'points', 'pricing'],
    };
    expect(schemaText(schema)).toBe(
      [
        '{',
        '  tokens: ApiToken[];',
        '  scope: "read" | "read-write";',
        '  expiresAt: integer | null;',
        '  points: [number, string][];',
        '  pricing: {',
        '    [key: string]: string | null;',
        '  };',
        '  note?: string;',
        '}',
      ].join('\n'),
    );
  });

  it('[H5] reads operations from a document and skips what is not one', () => {
    const document = {
      paths: {
        '/api/v1/tokens/{id}': {
          delete: {
            tags: ['tokens'],
            summary: 'Revokes a token',
            parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
            responses: {
              200: { description: 'ok', content: { 'application/json': { schema: { type: 'object' } } } },
              404: { description: 'NOT_FOUND' },
            },
          },
          parameters: 'not an operation',
        },
      },
    };
    const [op, ...rest] = operationsOf(document);
    expect(rest).toEqual([]);
    expect(op).toMatchObject({
      method: 'DELETE',
      tag: 'tokens',
      parameters: [{ name: 'id', required: true }],
    });
    expect(op?.answers.map((a) => a.status)).toEqual(['200', '404']);
    expect(operationsOf('<html>')).toEqual([]);
  });
});
