/**
 * Evaluation of intrinsic function calls in JSONPath states.
 * https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html
 */
import type { JsonValue } from '../../asl';
import type { PathScope } from '../data-flow/path-scope';
import { readPayloadPath } from '../data-flow/read-payload-path';
import type { IntrinsicExpression } from './intrinsic-expression';
import { intrinsicSyntaxFailure } from './intrinsic-failure';
import type { IntrinsicArgument } from './intrinsic-function';
import { INTRINSIC_FUNCTIONS } from './intrinsic-functions';
import { parseIntrinsic } from './parse-intrinsic';

/**
 * Evaluates one intrinsic function call expression such as `States.Format('Hello {}', $.name)`.
 * Path arguments read `data`, `$$.` the context and `$name` variables; `field` is the `key.$`
 * being resolved, quoted in causes. Throws StatesError('States.IntrinsicFailure' |
 * 'States.Runtime', AWS cause).
 */
export function evaluateIntrinsic(expression: string, data: JsonValue, scope: PathScope, field?: string): JsonValue {
  return evaluateNode(parseIntrinsic(expression), { expression, data, scope, field }).value;
}

/** What path arguments read, and what causes quote. */
type Evaluation = { expression: string; data: JsonValue; scope: PathScope; field?: string };

function evaluateNode(node: IntrinsicExpression, evaluation: Evaluation): IntrinsicArgument {
  if (node.kind === 'literal') return node;
  if (node.kind === 'path') return { value: readPayloadPath(node.path, evaluation.data, evaluation.scope, evaluation.field) };
  const implementation = Object.hasOwn(INTRINSIC_FUNCTIONS, node.name) ? INTRINSIC_FUNCTIONS[node.name] : undefined;
  if (!implementation) throw intrinsicSyntaxFailure(evaluation.expression, `unknown function ${node.name}`);
  const args: IntrinsicArgument[] = new Array<IntrinsicArgument>(node.args.length);
  for (let i = 0; i < node.args.length; i++) args[i] = evaluateNode(node.args[i], evaluation);
  return { value: implementation(args, node.name) };
}
