import fc from 'fast-check';
import type { z } from 'zod';
import { APPROVAL_ID } from '../../../api/approvals/approval-id';
import { approveBody, listApprovalsQuery, rejectBody, type approvalResponse } from '../../../api/approvals/approval-schemas';
import type { PublicApproval } from '../../../api/approvals/public-approval';
import { parseQuery } from '../../../api/middleware/parse-query';
import { openApiDocument } from '../../../api/openapi/openapi-document';
import { chatBody } from '../../../api/routes/chat-schemas';
import type { RunStatus } from '../../../api/runs/describe-run';
import type { runStatusSchema } from '../../../api/runs/run-response-schemas';
import { historyQuery, listRunsQuery, redriveRunBody, RUN_ID, startRunBody, stopRunBody } from '../../../api/runs/run-schemas';
import { openApi31, operationAt, operationsOf, refsIn, schemaCompiler, type Method, type OpenApiDocument } from './openapi-checks';

let document: OpenApiDocument;
let compile: ReturnType<typeof schemaCompiler>;

beforeAll(() => {
  document = openApi31.parse(openApiDocument);
  compile = schemaCompiler(document);
});

/** The JSON Schema of the operation's request body. */
function bodySchema(method: Method, path: string): object {
  const schema = operationAt(document, method, path).requestBody?.content['application/json']?.schema;
  if (!schema) throw new Error(`${method} ${path} documents no JSON body`);
  return schema;
}

/** The query parameters of the operation as one object schema, as a client would send them. */
function querySchema(method: Method, path: string): object {
  const parameters = (operationAt(document, method, path).parameters ?? []).filter((parameter) => parameter.in === 'query');
  return {
    type: 'object',
    properties: Object.fromEntries(parameters.map((parameter) => [parameter.name, parameter.schema])),
    required: parameters.filter((parameter) => parameter.required).map((parameter) => parameter.name),
    additionalProperties: false,
  };
}

const label = (sample: unknown) => JSON.stringify(sample).slice(0, 60);
const long = (length: number) => 'x'.repeat(length);

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 in shape: plain JSON, unique operation ids, one required parameter per path template', () => {
    const operations = operationsOf(document);
    const ids = operations.map(({ operation }) => operation.operationId);
    const templates = operations.map(({ path, operation }) => ({
      path,
      parameters: (operation.parameters ?? [])
        .filter((parameter) => parameter.in === 'path')
        .map(({ name, required }) => `${name}:${String(required)}`),
    }));

    expect(JSON.parse(JSON.stringify(openApiDocument))).toStrictEqual(openApiDocument);
    expect(new Set(ids).size).toBe(ids.length);
    expect(templates).toStrictEqual(
      templates.map(({ path }) => ({ path, parameters: [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => `${name}:true`) })),
    );
  });

  it('has JSON Schema 2020-12 components, and every $ref and security requirement names one that exists', () => {
    const schemas = Object.entries(document.components.schemas);
    const named = new Set(Object.keys(document.components.schemas).map((name) => `#/components/schemas/${name}`));
    const requirements = [...document.security, ...operationsOf(document).flatMap(({ operation }) => operation.security ?? [])].flatMap(
      Object.keys,
    );

    const compiled = schemas.map(([name, schema]) => [name, typeof compile(schema)]);

    expect(compiled).toStrictEqual(schemas.map(([name]) => [name, 'function']));
    expect(refsIn(document).filter((ref) => !named.has(ref))).toStrictEqual([]);
    expect(requirements.filter((scheme) => !(scheme in document.components.securitySchemes))).toStrictEqual([]);
  });

  it('documents the run id and approval id patterns the routes check', () => {
    const runIdPatterns = operationsOf(document).flatMap(({ operation }) =>
      (operation.parameters ?? []).filter((parameter) => parameter.name === 'runId').map((parameter) => parameter.schema.pattern),
    );
    const startRunId = (document.components.schemas.StartRunRequest as { properties: { runId: { pattern: string } } }).properties.runId
      .pattern;
    const approvalIds = operationsOf(document).flatMap(({ operation }) =>
      (operation.parameters ?? []).filter((parameter) => parameter.name === 'id').map((parameter) => parameter.schema.pattern),
    );

    expect(new Set(runIdPatterns)).toStrictEqual(new Set([RUN_ID.source]));
    expect(startRunId).toBe(RUN_ID.source);
    expect(new Set(approvalIds)).toStrictEqual(new Set([APPROVAL_ID.source]));
  });

  it('documents the run statuses and approvals the code returns (tsc checks the types)', () => {
    type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
    const same: [
      Same<z.output<typeof runStatusSchema>, RunStatus>,
      Same<Omit<z.output<typeof approvalResponse>, 'mayDecide'>, PublicApproval>,
    ] = [true, true];

    expect(same).toStrictEqual([true, true]);
  });
});

describe('request bodies in the document', () => {
  const cases: Array<[string, Method, string, z.ZodObject, unknown[]]> = [
    [
      'StartRunRequest',
      'post',
      '/api/workflows/{name}/runs',
      startRunBody,
      [
        {},
        { input: { a: [1] } },
        { input: null },
        { runId: 'r-1_A' },
        { runId: long(80) },
        { runId: long(81) },
        { runId: 'bad id' },
        { runId: '' },
        { runId: 5 },
        { runID: 'x' },
        [],
      ],
    ],
    [
      'StopRunRequest',
      'post',
      '/api/runs/{runId}/stop',
      stopRunBody,
      [{}, { reason: 'wrong version' }, { reason: long(32768) }, { reason: long(32769) }, { reason: 1 }, { cause: 'x' }],
    ],
    ['RedriveRunRequest', 'post', '/api/runs/{runId}/redrive', redriveRunBody, [{}, { force: true }, [], null]],
    [
      'ApproveRequest',
      'post',
      '/api/approvals/{id}/approve',
      approveBody,
      [{}, { comment: 'ok' }, { comment: long(2000) }, { comment: long(2001) }, { comment: 5 }, { reason: 'no' }],
    ],
    ['RejectRequest', 'post', '/api/approvals/{id}/reject', rejectBody, [{}, { reason: 'no' }, { reason: long(2001) }, { comment: 'ok' }]],
    [
      'ChatRequest',
      'post',
      '/api/chat',
      chatBody,
      [
        { text: 'hi' },
        { text: ' hi ' },
        { text: '' },
        { text: ' \t ' },
        { text: long(1024) },
        { text: long(1025) },
        { text: 'hi', conversationId: 'c-1' },
        { text: 'hi', conversationId: 'a b' },
        { text: 'hi', conversationId: long(65) },
        {},
        { text: 5 },
        { text: 'hi', extra: 1 },
      ],
    ],
  ];

  it.each(cases)('%s accepts and refuses the samples the route does', (_name, method, path, route, samples) => {
    const validate = compile(bodySchema(method, path));

    const documented = samples.map((sample) => [label(sample), validate(sample)]);

    expect(documented).toStrictEqual(samples.map((sample) => [label(sample), route.safeParse(sample).success]));
  });

  it.each(cases)('%s agrees with the route on arbitrary objects of its fields', (_name, method, path, route) => {
    const validate = compile(bodySchema(method, path));
    const body = fc.dictionary(
      fc.constantFrom(...Object.keys(route.shape), 'other'),
      fc.oneof(fc.jsonValue(), fc.string({ unit: 'binary-ascii' })),
      { maxKeys: 3 },
    );

    fc.assert(fc.property(body, (sample) => validate(sample) === route.safeParse(sample).success));
  });
});

describe('query parameters in the document', () => {
  const coercing = () => schemaCompiler(document, { coerceTypes: true });
  const cases: Array<[Method, string, z.ZodType, Array<Record<string, string>>]> = [
    [
      'get',
      '/api/runs',
      listRunsQuery,
      [
        {},
        { limit: '5' },
        { limit: '100' },
        { limit: '0' },
        { limit: '101' },
        { limit: 'ten' },
        { limit: '2.5' },
        { status: 'RUNNING' },
        { status: 'PENDING_REDRIVE' },
        { workflow: 'deploy-service' },
        { workflow: long(81) },
        { cursor: 'abc' },
        { cursor: long(4097) },
        { page: '2' },
      ],
    ],
    [
      'get',
      '/api/runs/{runId}/history',
      historyQuery,
      [{}, { limit: '1000' }, { limit: '1001' }, { cursor: 'abc' }, { status: 'RUNNING' }],
    ],
    [
      'get',
      '/api/approvals',
      listApprovalsQuery,
      [{}, { status: 'decided' }, { status: 'approved' }, { runId: 'r-1' }, { runId: 'bad id' }, { limit: '5' }],
    ],
  ];

  it.each(cases)('%s %s accepts and refuses the query strings the route does', (method, path, route, samples) => {
    const validate = coercing()(querySchema(method, path));
    const parses = (sample: Record<string, string>) => {
      try {
        parseQuery(route, sample);
        return true;
      } catch {
        return false;
      }
    };

    const documented = samples.map((sample) => [label(sample), validate({ ...sample })]);

    expect(documented).toStrictEqual(samples.map((sample) => [label(sample), parses(sample)]));
  });
});
