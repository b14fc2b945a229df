/**
 * zod schemas as OpenAPI 3.1 Schema Objects, through zod's own JSON Schema output: OpenAPI 3.1's
 * schema dialect is JSON Schema draft 2020-12 (https://spec.openapis.org/oas/v3.1.0#schema-object).
 */
import { z } from 'zod';

/** A JSON Schema (draft 2020-12) as an OpenAPI 3.1 document holds it. */
export type OpenApiSchema = z.core.JSONSchema.JSONSchema;

/** Which side of a schema to describe: what a route accepts (`input`: defaults make fields optional) or what it returns (`output`). */
export type SchemaSide = 'input' | 'output';

/** Where named schemas live in the document. */
const COMPONENT_PREFIX = '#/components/schemas/';

/**
 * Drops what zod adds beyond the contract: the regex `z.iso.datetime()` checks with (`format`
 * already says date-time) and the bounds `.int()` implies (±2^53 − 1).
 */
function plain({ jsonSchema }: { jsonSchema: OpenApiSchema }): void {
  if (jsonSchema.format === 'date-time') delete jsonSchema.pattern;
  if (jsonSchema.type === 'integer') {
    if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
    if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
  }
}

/** Without the dialect and `$id` zod writes at the top: the document's `jsonSchemaDialect` applies, and components are found by name. */
function embedded(schema: OpenApiSchema): OpenApiSchema {
  const json = { ...schema };
  delete json.$schema;
  delete json.$id;
  return json;
}

/** One schema, inline (parameters). */
export function openApiSchemaOf(schema: z.ZodType, io: SchemaSide): OpenApiSchema {
  return embedded(z.toJSONSchema(schema, { target: 'draft-2020-12', io, override: plain }));
}

/** Named schemas, as `components.schemas`; where one contains another, it refers to it with `$ref`. */
export function openApiSchemasOf(named: Readonly<Record<string, z.ZodType>>, io: SchemaSide): Record<string, OpenApiSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(named)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { target: 'draft-2020-12', io, override: plain, uri: (id) => `${COMPONENT_PREFIX}${id}` });
  return Object.fromEntries(Object.entries(schemas).map(([id, json]) => [id, embedded(json)]));
}

/** A reference to the component `name`. */
export function componentRef(name: string): { $ref: string } {
  return { $ref: `${COMPONENT_PREFIX}${name}` };
}
