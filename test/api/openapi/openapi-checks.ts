/**
 * Checks for the OpenAPI document: its shape as OpenAPI 3.1 (the subset it uses, strictly), and
 * Ajv validators for its schemas. Ajv comes with asl-validator; JSON Schema 2020-12 is OpenAPI
 * 3.1's schema dialect.
 */
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { z } from 'zod';

const jsonSchema = z.record(z.string(), z.unknown());
const content = z.record(z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/), z.strictObject({ schema: jsonSchema }));
const security = z.array(z.record(z.string(), z.array(z.string())));
const parameter = z.strictObject({
  name: z.string().min(1),
  in: z.enum(['path', 'query', 'header', 'cookie']),
  required: z.boolean(),
  description: z.string().optional(),
  schema: jsonSchema,
});
const operation = z.strictObject({
  operationId: z.string().regex(/^[a-z][A-Za-z]*$/),
  summary: z.string().min(1),
  description: z.string().optional(),
  security: security.optional(),
  parameters: z.array(parameter).optional(),
  requestBody: z.strictObject({ required: z.boolean(), content }).optional(),
  responses: z.record(z.string().regex(/^[1-5]\d\d$/), z.strictObject({ description: z.string().min(1), content: content.optional() })),
});

/** The HTTP methods a path item may hold. */
export const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
/** One of METHODS. */
export type Method = (typeof METHODS)[number];

/** The part of OpenAPI 3.1 (https://spec.openapis.org/oas/v3.1.0) the document uses; unknown fields are refused. */
export const openApi31 = z.strictObject({
  openapi: z.string().regex(/^3\.1\.\d+$/),
  jsonSchemaDialect: z.url(),
  info: z.strictObject({ title: z.string(), version: z.string(), description: z.string().optional() }),
  security,
  paths: z.record(
    z.string().regex(/^(\/[A-Za-z.]+|\/\{[A-Za-z]+\})+$/),
    z.strictObject({
      get: operation.optional(),
      put: operation.optional(),
      post: operation.optional(),
      delete: operation.optional(),
      patch: operation.optional(),
    }),
  ),
  components: z.strictObject({
    schemas: z.record(z.string().regex(/^[A-Za-z0-9._-]+$/), jsonSchema),
    securitySchemes: z.record(
      z.string(),
      z.strictObject({
        type: z.literal('http'),
        scheme: z.string(),
        bearerFormat: z.string().optional(),
        description: z.string().optional(),
      }),
    ),
  }),
});

/** The document, as openApi31 parses it. */
export type OpenApiDocument = z.infer<typeof openApi31>;
/** One operation of it. */
export type Operation = z.infer<typeof operation>;

/** Every operation of the document. */
export function operationsOf(document: OpenApiDocument): Array<{ method: Method; path: string; operation: Operation }> {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) => (item[method] ? [{ method, path, operation: item[method] }] : [])),
  );
}

/** The operation at `method path`; throws when the document has none. */
export function operationAt(document: OpenApiDocument, method: Method, path: string): Operation {
  const found = document.paths[path]?.[method];
  if (!found) throw new Error(`the document has no ${method.toUpperCase()} ${path}`);
  return found;
}

/** Every `$ref` in `value`, however deep. */
export function refsIn(value: unknown): string[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => (key === '$ref' && typeof child === 'string' ? [child] : refsIn(child)));
}

const COMPONENTS_ID = 'https://statecraft.test/openapi/components';

/** `#/components/schemas/X` as a URI Ajv resolves. */
function resolvable(schema: object): object {
  return JSON.parse(JSON.stringify(schema).replaceAll('"#/components/schemas/', `"${COMPONENTS_ID}#/$defs/`)) as object;
}

/**
 * Compiles schemas of the document with Ajv in strict mode, validating each against the 2020-12
 * meta-schema first; `coerceTypes` reads query strings as numbers where the schema says so.
 */
export function schemaCompiler(document: OpenApiDocument, { coerceTypes = false } = {}): (schema: object) => ValidateFunction {
  const ajv = new Ajv2020({ strict: true, allErrors: true, coerceTypes });
  addFormats(ajv);
  ajv.addSchema(resolvable({ $id: COMPONENTS_ID, $defs: document.components.schemas }));
  return (schema) => ajv.compile(resolvable(schema));
}
