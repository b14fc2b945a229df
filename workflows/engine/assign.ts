/**
 * The `Assign` field of both query languages: every expression is evaluated against the values
 * before the assignment, then all are assigned at once.
 * https://docs.aws.amazon.com/step-functions/latest/dg/workflow-variables.html
 */
import type { JsonObject, JsonValue } from '../asl';
import { resolvePayloadTemplate } from './data-flow';
import type { StatesBinding } from './jsonata/jsonata-expression';
import { resolveJsonataTemplate } from './jsonata/jsonata-template';
import { jsonataBindings, pathScope, type StateRun } from './state-run';

/** Variables to assign, by name. */
export type Assignments = Record<string, JsonValue>;

function hasAssignments(assign: JsonValue | undefined): assign is JsonObject {
  return assign !== undefined && assign !== null && typeof assign === 'object' && !Array.isArray(assign);
}

/** JSONPath Assign: a payload template over `source` (`$`). Undefined when there is nothing to assign. */
export function assignJsonPath(run: StateRun, assign: JsonValue | undefined, source: JsonValue): Assignments | undefined {
  if (!hasAssignments(assign)) return undefined;
  return resolvePayloadTemplate(assign, source, pathScope(run), 'Assign') as JsonObject;
}

/**
 * Evaluates `assign` for `run`: in JSONPath `$` is `source`; in JSONata `$states` has `states`.
 * Returns undefined when there is nothing to assign.
 */
export async function evaluateAssign(
  run: StateRun,
  assign: JsonValue | undefined,
  source: JsonValue,
  states: Partial<StatesBinding> = {},
): Promise<Assignments | undefined> {
  if (run.language !== 'JSONata') return assignJsonPath(run, assign, source);
  if (!hasAssignments(assign)) return undefined;
  return (await resolveJsonataTemplate(assign, jsonataBindings(run, states), 'Assign')) as JsonObject;
}

/** The `assignedVariables` members of a StateExited event (values as JSON text, as AWS reports them). */
export function assignedVariablesDetails(assigned: Assignments | undefined): Record<string, unknown> {
  if (!assigned || !Object.keys(assigned).length) return {};
  const texts: Record<string, string> = {};
  for (const [name, value] of Object.entries(assigned)) texts[name] = JSON.stringify(value);
  return { assignedVariables: texts, assignedVariablesDetails: { truncated: false } };
}
