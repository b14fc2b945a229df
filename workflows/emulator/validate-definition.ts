/**
 * Structural checks of an ASL definition, reported as AWS does for CreateStateMachine
 * (InvalidDefinition) and ValidateStateMachineDefinition (diagnostics with code and location).
 * Deliberately permissive where AWS is (JSONata Output of any type, Assign values, …).
 * https://docs.aws.amazon.com/step-functions/latest/apireference/API_ValidateStateMachineDefinition.html
 */
import { checkStatePaths } from './check-state-paths';

/** One problem found in a definition. */
export type Diagnostic = { severity: 'ERROR'; code: string; message: string; location: string };

const STATE_TYPES = new Set(['Pass', 'Task', 'Choice', 'Wait', 'Succeed', 'Fail', 'Parallel', 'Map']);
const TERMINAL_TYPES = new Set(['Succeed', 'Fail', 'Choice']);

type Node = Record<string, unknown>;

function isObject(value: unknown): value is Node {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function checkTransitions(state: Node, location: string, names: Set<string>, out: Diagnostic[]): void {
  const missing = (target: unknown, where: string): void => {
    if (typeof target === 'string' && !names.has(target)) {
      out.push({ severity: 'ERROR', code: 'MISSING_TRANSITION_TARGET', message: `Missing 'Next' target: ${target}`, location: where });
    }
  };
  missing(state.Next, `${location}/Next`);
  if (state.Type === 'Choice') {
    const choices = state.Choices;
    if (!Array.isArray(choices) || choices.length === 0) {
      out.push({
        severity: 'ERROR',
        code: 'SCHEMA_VALIDATION_FAILED',
        message: 'The field "Choices" should be non-empty',
        location: `${location}/Choices`,
      });
    } else {
      choices.forEach((rule, index) => {
        if (!isObject(rule) || typeof rule.Next !== 'string') {
          out.push({
            severity: 'ERROR',
            code: 'SCHEMA_VALIDATION_FAILED',
            message: 'These fields are required: [Next]',
            location: `${location}/Choices/${index}`,
          });
        } else missing(rule.Next, `${location}/Choices/${index}/Next`);
      });
    }
    missing(state.Default, `${location}/Default`);
  }
  if (Array.isArray(state.Catch)) {
    state.Catch.forEach((catcher, index) => {
      if (isObject(catcher)) missing(catcher.Next, `${location}/Catch/${index}/Next`);
    });
  }
  if (!TERMINAL_TYPES.has(String(state.Type)) && state.Next === undefined && state.End !== true) {
    out.push({
      severity: 'ERROR',
      code: 'MISSING_TRANSITION_TARGET',
      message: "State must have either a 'Next' or an 'End' field",
      location,
    });
  }
}

function checkState(name: string, state: unknown, location: string, names: Set<string>, out: Diagnostic[]): void {
  if (!isObject(state)) {
    out.push({ severity: 'ERROR', code: 'SCHEMA_VALIDATION_FAILED', message: 'The state must be an object', location });
    return;
  }
  if (name.length > 80)
    out.push({ severity: 'ERROR', code: 'SCHEMA_VALIDATION_FAILED', message: 'State names must be at most 80 characters', location });
  if (typeof state.Type !== 'string' || !STATE_TYPES.has(state.Type)) {
    out.push({
      severity: 'ERROR',
      code: 'SCHEMA_VALIDATION_FAILED',
      message: `The value for the field 'Type' must be one of: ${[...STATE_TYPES].join(', ')}`,
      location: `${location}/Type`,
    });
    return;
  }
  if (state.Type === 'Task' && typeof state.Resource !== 'string') {
    out.push({ severity: 'ERROR', code: 'SCHEMA_VALIDATION_FAILED', message: 'These fields are required: [Resource]', location });
  }
  checkTransitions(state, location, names, out);
  checkStatePaths(state, location, out);
  if (state.Type === 'Parallel') {
    if (!Array.isArray(state.Branches) || state.Branches.length === 0) {
      out.push({ severity: 'ERROR', code: 'SCHEMA_VALIDATION_FAILED', message: 'These fields are required: [Branches]', location });
    } else state.Branches.forEach((branch, index) => checkMachine(branch, `${location}/Branches/${index}`, out));
  }
  if (state.Type === 'Map') {
    const processor = state.ItemProcessor ?? state.Iterator;
    if (processor === undefined)
      out.push({ severity: 'ERROR', code: 'SCHEMA_VALIDATION_FAILED', message: 'These fields are required: [ItemProcessor]', location });
    else checkMachine(processor, `${location}/${state.ItemProcessor !== undefined ? 'ItemProcessor' : 'Iterator'}`, out);
  }
  if (
    typeof state.HeartbeatSeconds === 'number' &&
    typeof state.TimeoutSeconds === 'number' &&
    state.HeartbeatSeconds >= state.TimeoutSeconds
  ) {
    out.push({
      severity: 'ERROR',
      code: 'SCHEMA_VALIDATION_FAILED',
      message: 'HeartbeatSeconds must be smaller than TimeoutSeconds',
      location: `${location}/HeartbeatSeconds`,
    });
  }
}

function checkMachine(machine: unknown, location: string, out: Diagnostic[]): void {
  if (!isObject(machine)) {
    out.push({
      severity: 'ERROR',
      code: 'SCHEMA_VALIDATION_FAILED',
      message: 'The definition must be an object',
      location: location || '/',
    });
    return;
  }
  if (!isObject(machine.States) || Object.keys(machine.States).length === 0) {
    out.push({
      severity: 'ERROR',
      code: 'SCHEMA_VALIDATION_FAILED',
      message: 'These fields are required: [States]',
      location: location || '/',
    });
    return;
  }
  const names = new Set(Object.keys(machine.States));
  if (typeof machine.StartAt !== 'string') {
    out.push({
      severity: 'ERROR',
      code: 'SCHEMA_VALIDATION_FAILED',
      message: 'These fields are required: [StartAt]',
      location: location || '/',
    });
  } else if (!names.has(machine.StartAt)) {
    out.push({
      severity: 'ERROR',
      code: 'MISSING_TRANSITION_TARGET',
      message: `Missing 'Next' target: ${machine.StartAt}`,
      location: `${location}/StartAt`,
    });
  }
  if (machine.QueryLanguage !== undefined && machine.QueryLanguage !== 'JSONPath' && machine.QueryLanguage !== 'JSONata') {
    out.push({
      severity: 'ERROR',
      code: 'SCHEMA_VALIDATION_FAILED',
      message: "The value for the field 'QueryLanguage' must be one of: JSONPath, JSONata",
      location: `${location}/QueryLanguage`,
    });
  }
  for (const [name, state] of Object.entries(machine.States)) checkState(name, state, `${location}/States/${name}`, names, out);
}

/** Every problem of the definition text (empty when it is valid). */
export function validateDefinition(definition: string): Diagnostic[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(definition);
  } catch (error) {
    return [{ severity: 'ERROR', code: 'INVALID_JSON_DESCRIPTION', message: (error as Error).message, location: '' }];
  }
  const out: Diagnostic[] = [];
  checkMachine(parsed, '', out);
  if (
    isObject(parsed) &&
    parsed.TimeoutSeconds !== undefined &&
    (typeof parsed.TimeoutSeconds !== 'number' || parsed.TimeoutSeconds <= 0)
  ) {
    out.push({
      severity: 'ERROR',
      code: 'SCHEMA_VALIDATION_FAILED',
      message: 'TimeoutSeconds must be a positive integer',
      location: '/TimeoutSeconds',
    });
  }
  return out;
}

/** AWS's InvalidDefinition message for `diagnostics`. */
export function invalidDefinitionMessage(diagnostics: Diagnostic[]): string {
  const problems = diagnostics.map((d) => `${d.code}: ${d.message}${d.location ? ` at ${d.location}` : ''}`);
  return `Invalid State Machine Definition: '${problems.join(', ')}'`;
}
