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
  const call = parseIntrinsic(expression);
  const evaluate = (node: IntrinsicExpression): IntrinsicArgument => {
    if (node.kind === 'literal') return node.source === undefined ? { value: node.value } : node;
    if (node.kind === 'path') return { value: readPayloadPath(node.path, data, scope, field) };
    const implementation = Object.hasOwn(INTRINSIC_FUNCTIONS, node.name) ? INTRINSIC_FUNCTIONS[node.name] : undefined;
    if (!implementation) throw intrinsicSyntaxFailure(expression, `unknown function ${node.name}`);
    return { value: implementation(node.args.map(evaluate), node.name) };
  };
  return evaluate(call).value;
}
