/**
 * `dangling-transition`: StartAt, Next, Default, Choice and Catch targets must name a state of the same
 * scope; a branch or processor cannot jump out, nor the machine into one.
 */
import type { Check } from './check';
import { closestName } from './closest-name';
import { describeValue } from './describe-value';
import { finding, type Finding } from './finding';
import { stateTransitions } from './transitions';
import type { Scope, WalkedDefinition } from './walk-states';

const CODE = 'dangling-transition';

/** Reports each transition whose target is not a state of its own scope, suggesting the likely name. */
export const checkDanglingTransitions: Check = (machine) => {
  const findings: Finding[] = [];
  for (const scope of machine.scopes) {
    if (scope.states === undefined || Object.keys(scope.states).length === 0) continue;
    const { StartAt } = scope.node;
    if (typeof StartAt === 'string') {
      const prefix = scope.kind === 'machine' ? '' : `${scope.field}.`;
      const problem = targetProblem(machine, scope, `${prefix}StartAt`, StartAt);
      if (problem) findings.push(finding(CODE, scope.ownerPath, problem));
    }
  }
  for (const { state, path, scope } of machine.states) {
    for (const { field, target } of stateTransitions(state)) {
      const problem =
        typeof target === 'string'
          ? targetProblem(machine, scope, field, target)
          : `${field} must be a state name, got ${describeValue(target)}`;
      if (problem) findings.push(finding(CODE, path, problem));
    }
  }
  return findings;
};

function targetProblem(machine: WalkedDefinition, scope: Scope, field: string, target: string): string | undefined {
  if (scope.states !== undefined && Object.hasOwn(scope.states, target)) return undefined;
  const names = Object.keys(scope.states ?? {});
  const where = describeScope(scope);
  const elsewhere = machine.states.find((visit) => visit.name === target);
  if (elsewhere) {
    return `${field} targets "${target}", which is ${describeScope(elsewhere.scope)}, not ${where}; a transition cannot leave or enter a Parallel branch or Map processor`;
  }
  const suggestion = closestName(target, names);
  const hint = suggestion === undefined ? '' : `; did you mean "${suggestion}"?`;
  return `${field} targets "${target}", but there is no state "${target}" ${where}${hint}`;
}

function describeScope(scope: Scope): string {
  return scope.kind === 'machine' ? 'at the top level of the state machine' : `in ${scope.label}`;
}
