/** Pieces the OpenAPI documents of each area share. */

export const error = { $ref: '#/components/schemas/Error' };
export const json = (schema: object) => ({ content: { 'application/json': { schema } } });
export const errors = {
  '400': { description: 'Invalid input; `issues` name each field and the reason', ...json(error) },
  '401': { description: 'Missing or unknown credentials', ...json(error) },
};
export const pathParam = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });
export const body = (schema: object) => ({ required: true, content: { 'application/json': { schema } } });
