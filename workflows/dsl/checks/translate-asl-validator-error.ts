/**
 * Turns an asl-validator error into a finding on a state path, recognising the errors that repeat one of
 * our own checks (duplicate names, unreachable states, dangling targets, Next/End, missing terminal state).
 */
import { finding, type Finding } from './finding';
import { isRecord } from './is-record';
import type { AslValidatorError } from './run-asl-validator';
import { stateTransitions } from './transitions';
import { translateSchemaError, type AslFinding } from './translate-schema-error';
import { samePath, type Scope, type WalkedDefinition } from './walk-states';

const CODE = 'asl-validator';

/** Translates one error; `statesPointers` maps asl-validator's `fsmN` names to scopes. */
export function translateAslValidatorError(
  machine: WalkedDefinition,
  error: AslValidatorError,
  statesPointers: readonly string[],
): AslFinding {
  const { code, message } = error;
  if (code === 'SCHEMA_VALIDATION_FAILED' && error.instancePath !== undefined) {
    return translateSchemaError(machine, error.instancePath, message);
  }
  const pathOf = (name: string): readonly string[] => machine.states.find((visit) => visit.name === name)?.path ?? [];
  const real = (statePath: readonly string[], text: string, isCoveredBy: (own: Finding) => boolean): AslFinding => ({
    finding: finding(CODE, statePath, text),
    kind: 'real',
    isCoveredBy,
  });

  const duplicate = /already exists: (.*)$/.exec(message);
  if (code === 'DUPLICATE_STATE_NAMES' && duplicate) {
    const [, name] = duplicate;
    const uses = machine.states.filter((visit) => visit.name === name);
    return real(uses[1]?.path ?? pathOf(name), message, (own) => own.code === 'duplicate-state-name' && own.message.includes(`"${name}"`));
  }
  const unreachable = /^State (.*) is not reachable$/.exec(message);
  if (code === 'MISSING_TRANSITION_TARGET' && unreachable) {
    const path = pathOf(unreachable[1]);
    const scope = machine.states.find((visit) => samePath(visit.path, path))?.scope;
    return real(
      path,
      'State is not the target of any StartAt, Next or Default',
      (own) =>
        (own.code === 'unreachable-state' && samePath(own.statePath, path)) ||
        (scope !== undefined && own.code === 'dangling-transition' && startsInScope(own, scope)),
    );
  }
  const target = /target: (.*)$/.exec(message);
  if (code.endsWith('TRANSITION_TARGET') && target) {
    const [, name] = target;
    const source = machine.states.find((visit) => stateTransitions(visit.state).some((transition) => transition.target === name));
    const path = source?.path ?? machine.scopes.find((scope) => scope.node.StartAt === name)?.ownerPath ?? [];
    return real(path, message, (own) =>
      own.code === 'dangling-transition'
        ? own.message.includes(`"${name}"`)
        : own.code === 'malformed-definition' && samePath(own.statePath, path) && own.message.includes('States'),
    );
  }
  const clash = /strip the ".\$" suffix from: (.*)$/.exec(message);
  if (code === 'DUPLICATE_FIELD_NAME' && clash) {
    const key = clash[1].replace(/(\.\$)+$/, '');
    const visit = machine.states.find(({ state }) => hasClash(state.Parameters, key) || hasClash(state.ResultSelector, key));
    const text = `Fields "${key}" and "${key}.$" clash: both are named "${key}" once ".$" is stripped`;
    return real(visit?.path ?? [], text, () => false);
  }
  const fsm = /fsm(\d+) is missing a terminal state/.exec(message);
  if (code === 'MISSING_TERMINAL_STATE' && fsm) {
    const scope = scopeAt(machine, statesPointers[Number(fsm[1]) - 1]);
    if (scope === undefined) return real([], message, () => false);
    const label = scope.kind === 'machine' ? 'The state machine' : scope.label.replace(/^./, (c) => c.toUpperCase());
    return real(
      scope.ownerPath,
      `${label} has no terminal state: no state has End: true, and none is a Succeed or Fail state`,
      (own) =>
        ((own.code === 'missing-transition' || own.code === 'dangling-transition') && inScope(own, scope)) ||
        (own.code === 'malformed-definition' && samePath(own.statePath, scope.ownerPath)),
    );
  }
  const aboutState = /^State "(.*?)" (.*)$/.exec(message);
  if (aboutState) {
    const [, name, rest] = aboutState;
    const path = pathOf(name);
    const text = rest.replace(/^MUST/, 'State must');
    const fields = [...rest.matchAll(/"([^"]+)"/g)].map(([, field]) => field);
    return real(
      path,
      text,
      (own) =>
        (own.code === 'missing-transition' || own.code === 'malformed-definition') &&
        samePath(own.statePath, path) &&
        fields.some((field) => own.message.includes(field)),
    );
  }
  if (code === 'EXCEPTION') return real([], message, (own) => own.code === 'malformed-definition');
  return real([], message, () => false);
}

/** Whether an object inside `value` has both `key` and `key.$`. */
function hasClash(value: unknown, key: string): boolean {
  if (Array.isArray(value)) return value.some((item: unknown) => hasClash(item, key));
  if (!isRecord(value)) return false;
  if (Object.hasOwn(value, key) && Object.hasOwn(value, `${key}.$`)) return true;
  return Object.values(value).some((child) => hasClash(child, key));
}

function scopeAt(machine: WalkedDefinition, statesPointer: string | undefined): Scope | undefined {
  if (statesPointer === undefined || !statesPointer.endsWith('/States')) return undefined;
  const pointer = statesPointer.slice(0, -'/States'.length);
  return machine.scopes.find((scope) => scope.pointer === pointer);
}

function inScope(own: Finding, scope: Scope): boolean {
  const { statePath } = own;
  return statePath.length === scope.ownerPath.length + 1 && samePath(statePath.slice(0, -1), scope.ownerPath);
}

function startsInScope(own: Finding, scope: Scope): boolean {
  return samePath(own.statePath, scope.ownerPath) && own.message.includes('StartAt');
}
