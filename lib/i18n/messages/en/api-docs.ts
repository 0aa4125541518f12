/** The API reference page: the REST API as the server's OpenAPI document describes it (docs/protocol.md H5). */
export const apiDocs = {
  metaTitle: 'API reference · Livefolio',
  pageTitle: 'API reference',
  intro:
    'Scripts and other tools call the same REST API as this page, with a personal access token in the Authorization header.',
  tokensLink: 'Create a token',
  documentNote:
    'The operations below come from the server’s OpenAPI 3.1 document, generated from the schemas it checks every request and answer against; code generators and API tools read it directly.',
  documentLink: 'openapi.json',
  loading: 'Loading the API description…',
  failed: 'The API description could not be loaded.',
  schemas: 'Schemas',
  parameters: 'Parameters',
  name: 'Name',
  where: 'In',
  type: 'Type',
  body: 'Request body (JSON)',
  bodyCsv: 'Request body: a CSV file',
  answer: 'Answer {status}',
  answerCsv: 'Answer {status}: a CSV file',
  errors: 'Errors',
};
