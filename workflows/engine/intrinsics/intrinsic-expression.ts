/** The syntax tree of an intrinsic function call such as `States.Format('{}', $.name)`. */
import type { JsonValue } from '../../asl';

/**
 * A call, a literal or a path. A string literal keeps its `source` (the text between the quotes,
 * escapes included) because States.Format must tell `{}` from the escaped `\{\}`.
 */
export type IntrinsicExpression =
  | { kind: 'call'; name: string; args: IntrinsicExpression[] }
  | { kind: 'literal'; value: JsonValue; source?: string }
  | { kind: 'path'; path: string };
