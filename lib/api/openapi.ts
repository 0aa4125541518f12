/** The contract of the route that describes every other one: the OpenAPI 3.1 document (docs/protocol.md H5). */
import * as z from 'zod/mini';
import { defineRoute } from './contract';

export const openApiApi = {
  document: defineRoute({
    method: 'GET',
    path: '/api/v1/openapi.json',
    rule: 'H5',
    summary: 'This API as an OpenAPI 3.1 document, generated from the same schemas the server checks',
    access: 'public',
    // Open to every field OpenAPI 3.1 has: the document is checked against the OpenAPI schema itself (tests).
    answer: z.looseObject({
      openapi: z.string(),
      info: z.looseObject({ title: z.string(), version: z.string() }),
      paths: z.record(z.string(), z.unknown()),
    }),
  }),
};
