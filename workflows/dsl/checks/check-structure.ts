/**
 * `malformed-definition`: the shape every other check relies on (StartAt, States, Type, Branches,
 * ItemProcessor, Choices, Resource), reported instead of thrown. https://states-language.net/spec.html#toplevelfields
 */
import type { Check } from './check';
import { describeValue } from './describe-value';
import { finding, type Finding } from './finding';
import { isRecord, type JsonRecord } from './is-record';
import { STATE_TYPES, isStateType } from './state-types';
import type { Scope, StateVisit } from './walk-states';

const CODE = 'malformed-definition';
const TYPE_LIST = STATE_TYPES.join(', ');

/** Reports a definition, scope or state whose shape is wrong, so later checks can skip it quietly. */
export const checkStructure: Check = (machine) => {
  const { definition } = machine;
  if (!isRecord(definition)) {
    return [finding(CODE, [], `The definition must be a JSON object with StartAt and States, got ${describeValue(definition)}`)];
  }
  const findings = queryLanguageFindings(definition, []);
  for (const scope of machine.scopes) findings.push(...scopeFindings(scope));
  for (const visit of machine.states) findings.push(...stateFindings(visit));
  return findings;
};

function scopeFindings(scope: Scope): Finding[] {
  const prefix = scope.kind === 'machine' ? '' : `${scope.field}.`;
  const at = scope.ownerPath;
  const { StartAt, States } = scope.node;
  const findings: Finding[] = [];
  const report = (message: string, path: readonly string[] = at): void => {
    findings.push(finding(CODE, path, message));
  };
  if (StartAt === undefined) report(`${prefix}StartAt is missing; it must name the first state`);
  else if (typeof StartAt !== 'string') report(`${prefix}StartAt must be a state name, got ${describeValue(StartAt)}`);
  if (States === undefined) report(`${prefix}States is missing`);
  else if (!isRecord(States)) report(`${prefix}States must be an object of named states, got ${describeValue(States)}`);
  else if (Object.keys(States).length === 0) report(`${prefix}States is empty; at least one state is required`);
  else {
    for (const [name, state] of Object.entries(States)) {
      if (!isRecord(state)) report(`State must be a JSON object, got ${describeValue(state)}`, [...at, name]);
    }
  }
  return findings;
}

function stateFindings({ state, path }: StateVisit): Finding[] {
  const findings = queryLanguageFindings(state, path);
  const report = (message: string): void => {
    findings.push(finding(CODE, path, message));
  };
  if (state.Type === undefined) report(`State has no Type; it must be one of ${TYPE_LIST}`);
  else if (!isStateType(state.Type)) {
    report(`Type ${describeValue(state.Type)} is not a state type; it must be one of ${TYPE_LIST}`);
  }
  switch (state.Type) {
    case 'Parallel':
      listFindings(state, 'Branches', 'branches', 'an object with StartAt and States').forEach(report);
      break;
    case 'Map':
      processorFindings(state).forEach(report);
      break;
    case 'Choice':
      listFindings(state, 'Choices', 'rules', 'an object').forEach(report);
      break;
    case 'Task':
      if (state.Resource === undefined) report('Task state has no Resource');
      else if (typeof state.Resource !== 'string') {
        report(`Resource must be a string, got ${describeValue(state.Resource)}`);
      }
      break;
  }
  return findings;
}

function queryLanguageFindings(node: JsonRecord, path: readonly string[]): Finding[] {
  const value = node.QueryLanguage;
  if (value === undefined || value === 'JSONPath' || value === 'JSONata') return [];
  return [finding(CODE, path, `QueryLanguage ${describeValue(value)} must be "JSONPath" or "JSONata"`)];
}

/** A non-empty array field whose items must all be objects. */
function listFindings(state: JsonRecord, field: string, noun: string, itemShape: string): string[] {
  const list = state[field];
  if (!Array.isArray(list) || list.length === 0) {
    return [`${field} must be a non-empty array of ${noun}, got ${describeValue(list)}`];
  }
  return list.flatMap((item: unknown, index) =>
    isRecord(item) ? [] : [`${field}[${index}] must be ${itemShape}, got ${describeValue(item)}`],
  );
}

function processorFindings(state: JsonRecord): string[] {
  if (state.ItemProcessor === undefined && state.Iterator === undefined) return ['Map state has no ItemProcessor'];
  const field = state.ItemProcessor !== undefined ? 'ItemProcessor' : 'Iterator';
  const processor = state[field];
  return isRecord(processor) ? [] : [`${field} must be an object with StartAt and States, got ${describeValue(processor)}`];
}
