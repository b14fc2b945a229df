/** OpenAPI Parameter Objects generated from the zod schemas the routes check path segments and query strings with. */
import type { z } from 'zod';
import { openApiSchemaOf, type OpenApiSchema } from './openapi-schema-of';

/** https://spec.openapis.org/oas/v3.1.0#parameter-object */
export type OpenApiParameter = { name: string; in: 'path' | 'query'; required: boolean; description?: string; schema: OpenApiSchema };

/** A path segment `{name}`, always required; the schema's description becomes the parameter's. */
export function pathParameter(name: string, schema: z.ZodType): OpenApiParameter {
  const { description, ...json } = openApiSchemaOf(schema, 'input');
  return { name, in: 'path', required: true, ...(description === undefined ? {} : { description }), schema: json };
}

/** One parameter per field of a route's query schema (a `z.strictObject`, as parseQuery reads it); fields with defaults are optional. */
export function queryParameters(query: z.ZodObject): OpenApiParameter[] {
  const { properties = {}, required = [] } = openApiSchemaOf(query, 'input');
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...json } = typeof property === 'boolean' ? {} : property;
    return { name, in: 'query', required: required.includes(name), ...(description === undefined ? {} : { description }), schema: json };
  });
}
