/** Query strings checked against a route's zod schema: unknown, repeated and invalid parameters are a 400 naming the parameter. */
import { z } from 'zod';
import { HttpError } from '../errors';

/** One parameter at fault, as listed in the 400's `errors`. */
export type QueryProblem = { parameter?: string; message: string };

/** `x[]`, `x[key]`: what the simple parser leaves of a bracketed parameter. */
const BRACKETED = /^([^[\]]+)\[[^\]]*\]/;

/**
 * Parses `query` (Express's `req.query`) with `schema`, a `z.strictObject`, or throws
 * HttpError 400 `invalid-query` whose detail names the first problem and `errors` lists them all.
 */
export function parseQuery<T>(schema: z.ZodType<T>, query: unknown): T {
  const known = schema instanceof z.ZodObject ? Object.keys(schema.shape) : undefined;
  const single: Record<string, string> = {};
  const problems: QueryProblem[] = [];
  for (const [key, value] of Object.entries(isRecord(query) ? query : {})) {
    const parameter = BRACKETED.exec(key)?.[1] ?? key;
    if (problems.some((each) => each.parameter === parameter)) continue;
    if (known && !known.includes(parameter)) {
      problems.push(problem(parameter, `is not known here; known: ${known.length > 0 ? known.join(', ') : 'none'}`));
    } else if (parameter !== key || typeof value !== 'string') {
      problems.push(problem(parameter, 'must be given once, as a single value'));
    } else {
      single[key] = value;
    }
  }
  if (problems.length === 0) {
    const parsed = schema.safeParse(single);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) {
      const parameter = issue.path.length > 0 ? String(issue.path[0]) : undefined;
      problems.push(
        parameter === undefined
          ? { message: `query: ${issue.message}` }
          : { parameter, message: `query parameter '${parameter}': ${issue.message}` },
      );
    }
  }
  throw new HttpError(400, 'invalid-query', problems[0]?.message ?? 'the query is invalid', { errors: problems });
}

function problem(parameter: string, reason: string): QueryProblem {
  return { parameter, message: `query parameter '${parameter}' ${reason}` };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
