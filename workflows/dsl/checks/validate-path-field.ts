/**
 * Validates one path-valued field with asl-path-validator and explains a failure in words
 * (https://states-language.net/spec.html#path, #ref-paths, #payload-template).
 */
import { validatePath } from 'asl-path-validator';
import { AslPathContext, ErrorCodes } from 'asl-path-validator/dist/types';
import { describeValue } from './describe-value';
import type { PathField, PathKind } from './path-fields';

const REFERENCE_RULE =
  'must be a reference path to a single node: no wildcards (*), filters ([?(…)]), slices ([a:b]), unions ([a,b]) or deep scan (..)';
const TEMPLATE_RULE =
  'must be a path ($…), a context path ($$…), a variable ($name…) or an intrinsic function (States.Format(…))';

/** Why the field's value is not a valid path of its kind, or undefined when it is valid. */
export function validatePathField({ field, value, kind }: PathField): string | undefined {
  if (typeof value !== 'string') {
    return kind === 'template'
      ? `${field} ${TEMPLATE_RULE}, got ${describeValue(value)}`
      : `${field} must be a path string, got ${describeValue(value)}`;
  }
  const shown = `${field} ${JSON.stringify(value)}`;
  if (kind === 'template' && !value.startsWith('$') && !value.startsWith('States.')) return `${shown} ${TEMPLATE_RULE}`;
  const result = validatePath(value, contextOf(kind, value));
  if (result.isValid) return undefined;
  switch (result.code) {
    case ErrorCodes.exp_has_functions:
      return `${shown} cannot call an intrinsic function; only payload template fields (ending in .$) can`;
    case ErrorCodes.exp_has_non_reference_path_ops:
      return `${shown} ${REFERENCE_RULE}`;
    case ErrorCodes.exp_has_variable:
      return `${shown} cannot refer to a variable; a ResultPath must start with $`;
    default: {
      const what = value.startsWith('States.') ? 'a valid intrinsic function call' : 'a valid JSONPath';
      return `${shown} is not ${what}${parseDetail(result.message)}`;
    }
  }
}

function contextOf(kind: PathKind, value: string): AslPathContext {
  switch (kind) {
    case 'path':
      return AslPathContext.PATH;
    case 'reference':
      return AslPathContext.REFERENCE_PATH;
    case 'result':
      return AslPathContext.RESULT_PATH;
    case 'template':
      return AslPathContext.PAYLOAD_TEMPLATE;
    case 'reference-or-intrinsic':
      return value.startsWith('States.') ? AslPathContext.PAYLOAD_TEMPLATE : AslPathContext.REFERENCE_PATH;
  }
}

/** asl-path-validator passes peggy's syntax error as JSON; keep what it found and where. */
function parseDetail(message: string | undefined): string {
  try {
    const error: unknown = JSON.parse(message ?? '');
    if (typeof error !== 'object' || error === null) return '';
    const { found, location } = error as { found?: unknown; location?: { start?: { column?: unknown } } };
    const column = location?.start?.column;
    if (typeof column !== 'number') return '';
    const what = typeof found === 'string' ? `"${found}"` : 'end';
    return ` (unexpected ${what} at column ${column})`;
  } catch {
    return '';
  }
}
