/**
 * The asl-validator 4.0.0 schema errors that AWS Step Functions does not raise, found by running it on
 * definitions that real AWS accepted (../shared/conformance) and on the JSONata examples of the AWS docs.
 */
import { formatFieldPath } from './field-path';
import { isRecord } from './is-record';
import { jsonataParseProblem } from './jsonata-parse-problem';
import { pathFields } from './path-fields';
import { validatePathField } from './validate-path-field';
import type { StateVisit } from './walk-states';

const JSONATA_EXPRESSION = /^\{%[\s\S]*%\}$/;
const PAYLOAD_TEMPLATES = new Set(['Parameters', 'ResultSelector', 'ItemSelector', 'Assign', 'Credentials']);

/** Whether a schema error at `field` of the state, about `value`, is one AWS would not report. */
export function isAslValidatorFalsePositive(visit: StateVisit, field: readonly string[], value: unknown): boolean {
  if (visit.queryLanguage === 'JSONata') {
    // It accepts only an object or a `{% %}` string as Output; AWS takes any JSON value (42, [1, 2], "done", null).
    if (field[field.length - 1] === 'Output' && !isRecord(value)) return true;
    // Its `{% .+ %}` pattern rejects multi-line expressions; those that do not parse are check-jsonata's to report.
    if (typeof value === 'string' && JSONATA_EXPRESSION.test(value)) {
      return jsonataParseProblem(value.slice(2, -2)) === undefined;
    }
  }
  // Its `asl_path` formats use asl-path-validator, which refuses paths AWS's parser (Jayway JsonPath) accepts,
  // such as `$.[0]`; check-paths judges every path field itself.
  if (visit.queryLanguage === 'JSONPath' && typeof value === 'string') {
    const name = formatFieldPath(field);
    const path = pathFields(visit.state).find((candidate) => candidate.field === name);
    if (path !== undefined) return validatePathField(path) === undefined;
  }
  // It rejects some literal values inside payload templates (null in an array, a `{% %}` string in a JSONPath
  // state); AWS passes any literal through. `.$` fields are check-paths' to report.
  if (visit.queryLanguage === 'JSONPath' && field.length >= 2 && PAYLOAD_TEMPLATES.has(field[0])) {
    return !field.some((segment) => segment.endsWith('.$'));
  }
  // It wants an integer; AWS takes any percentage from 0 to 100 (e.g. 0.5).
  if (field.length === 1 && field[0] === 'ToleratedFailurePercentage') {
    return typeof value === 'number' && value >= 0 && value <= 100;
  }
  return false;
}
