/**
 * Validates one path-valued field with asl-path-validator and explains a failure in words
 * (https://states-language.net/spec.html#path, #ref-paths, #payload-template). What it refuses but
 * AWS's parser (Jayway JsonPath) accepts, such as `$.[0]` or `@.id == $.want` in a filter, is valid.
 */
import { validatePath } from 'asl-path-validator';
import { AslPathContext, ErrorCodes } from 'asl-path-validator/dist/types';
import { isAcceptedByJayway, readWithJayway } from './accepted-by-jayway';
import { describeValue } from './describe-value';
import type { PathField, PathKind } from './path-fields';

const REFERENCE_RULE =
  'must be a reference path to a single node: no wildcards (*), filters ([?(…)]), slices ([a:b]), unions ([a,b]) or deep scan (..)';
/** A `.` before a bracket (not `..[`) or a filter: forms only Jayway reads, so its message is the one that helps. */
const JAYWAY_ONLY_FORM = /(?:^|[^.])\.\[|\[\s*\?/;
const TEMPLATE_RULE = 'must be a path ($…), a context path ($$…), a variable ($name…) or an intrinsic function (States.Format(…))';

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
  if (result.isValid || isAcceptedByJayway(value, kind)) return undefined;
  switch (result.code) {
    case ErrorCodes.exp_has_functions:
      return `${shown} cannot call an intrinsic function; only payload template fields (ending in .$) can`;
    case ErrorCodes.exp_has_non_reference_path_ops:
      return `${shown} ${REFERENCE_RULE}`;
    case ErrorCodes.exp_has_variable:
      return variableProblem(shown);
    default: {
      const what = value.startsWith('States.') ? 'a valid intrinsic function call' : 'a valid JSONPath';
      // A path AWS's parser reads, but not as a reference path, or not entirely (it ignores a last character it cannot read).
      const reading = value.startsWith('$') ? readWithJayway(value) : undefined;
      if (reading?.kind === 'path' && kind === 'result' && reading.path.root.kind === 'variable') return variableProblem(shown);
      if (reading?.kind === 'path') return `${shown} ${REFERENCE_RULE}`;
      if (reading?.kind === 'dropped-tail') return `${shown} is not ${what}: AWS would ignore its last character '${reading.char}'`;
      // asl-path-validator stops at the first `.[` or filter it cannot read, which may be fine: say what AWS's parser says.
      if (reading?.kind === 'invalid' && JAYWAY_ONLY_FORM.test(value)) return `${shown} is not ${what}: ${reading.problem}`;
      return `${shown} is not ${what}${parseDetail(result.message)}`;
    }
  }
}

function variableProblem(shown: string): string {
  return `${shown} cannot refer to a variable; a ResultPath must start with $`;
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
