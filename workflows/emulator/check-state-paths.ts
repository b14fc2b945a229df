/**
 * CreateStateMachine's refusal of JSONPath-state paths that do not compile. AWS compiles paths with
 * Jayway JsonPath, so `$.[0]`, `$.a.['b']` and `@.id == $.want` filters are accepted and `$.a...b` is
 * not. Messages as AWS reports them: "SCHEMA_VALIDATION_FAILED: Value must be a valid JSONPath. at
 * /States/Pass/OutputPath" (https://github.com/aws-cloudformation/cfn-lint/issues/4078) and "The value
 * for the field 'JobName.$' must be a valid JSONPath" (https://github.com/aws/amazon-states-language-service/issues/26).
 */
import { explainJsonPath } from '../engine';
import type { Diagnostic } from './validate-definition';

const PATH_FIELDS = ['InputPath', 'OutputPath', 'ResultPath', 'ItemsPath'] as const;
const TEMPLATE_FIELDS = ['Parameters', 'ResultSelector', 'ItemSelector'] as const;

type Node = Record<string, unknown>;

function isObject(value: unknown): value is Node {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function compiles(value: string): boolean {
  return !('problem' in explainJsonPath(value));
}

/** Reports each path of a JSONPath state (at `location`) that Jayway cannot compile. */
export function checkStatePaths(state: Node, location: string, out: Diagnostic[]): void {
  if (state.QueryLanguage === 'JSONata') return;
  const refuse = (message: string, at: string): void => {
    out.push({ severity: 'ERROR', code: 'SCHEMA_VALIDATION_FAILED', message, location: at });
  };
  for (const field of PATH_FIELDS) {
    const value = state[field];
    if (typeof value === 'string' && !compiles(value)) refuse('Value must be a valid JSONPath.', `${location}/${field}`);
  }
  for (const field of TEMPLATE_FIELDS) checkTemplate(state[field], `${location}/${field}`, refuse);
  if (state.Type === 'Choice' && Array.isArray(state.Choices)) {
    state.Choices.forEach((rule, index) => checkRule(rule, `${location}/Choices/${index}`, refuse));
  }
}

/** `.$` values that look like paths (intrinsic calls are left to the engine). */
function checkTemplate(template: unknown, location: string, refuse: (message: string, at: string) => void): void {
  if (Array.isArray(template)) {
    template.forEach((item, index) => checkTemplate(item, `${location}/${index}`, refuse));
    return;
  }
  if (!isObject(template)) return;
  for (const [key, value] of Object.entries(template)) {
    if (key.endsWith('.$') && typeof value === 'string' && value.startsWith('$') && !compiles(value)) {
      refuse(`The value for the field '${key}' must be a valid JSONPath`, `${location}/${key}`);
    } else if (!key.endsWith('.$')) {
      checkTemplate(value, `${location}/${key}`, refuse);
    }
  }
}

/** A Choice rule's Variable and `…Path` operands, through And, Or and Not. */
function checkRule(rule: unknown, location: string, refuse: (message: string, at: string) => void): void {
  if (!isObject(rule)) return;
  for (const [field, value] of Object.entries(rule)) {
    if ((field === 'Variable' || field.endsWith('Path')) && typeof value === 'string' && !compiles(value)) {
      refuse('Value must be a valid JSONPath.', `${location}/${field}`);
    }
  }
  for (const junction of ['And', 'Or'] as const) {
    const rules = rule[junction];
    if (Array.isArray(rules)) rules.forEach((nested, index) => checkRule(nested, `${location}/${junction}/${index}`, refuse));
  }
  checkRule(rule.Not, `${location}/Not`, refuse);
}
