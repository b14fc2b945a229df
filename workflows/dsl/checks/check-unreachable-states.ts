/**
 * `unreachable-state`: every state must be reachable from its scope's StartAt through Next, Default,
 * Choice rules or Catch arms. Scopes whose StartAt is missing or dangling are left to other checks.
 */
import type { Check } from './check';
import { finding, type Finding } from './finding';
import { isRecord } from './is-record';
import { stateTransitions } from './transitions';

/** Reports each state that no path of transitions leads to from its scope's StartAt. */
export const checkUnreachableStates: Check = (machine) => {
  const findings: Finding[] = [];
  for (const scope of machine.scopes) {
    const states = scope.states;
    const start = scope.node.StartAt;
    if (states === undefined || typeof start !== 'string' || !Object.hasOwn(states, start)) continue;
    const reached = new Set<string>([start]);
    const queue = [start];
    for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
      const state = states[name];
      if (!isRecord(state)) continue;
      for (const { target } of stateTransitions(state)) {
        if (typeof target === 'string' && Object.hasOwn(states, target) && !reached.has(target)) {
          reached.add(target);
          queue.push(target);
        }
      }
    }
    const from = scope.kind === 'machine' ? `StartAt "${start}"` : `StartAt "${start}" of ${scope.label}`;
    const message = `State is unreachable: no transition leads to it from ${from}`;
    for (const name of Object.keys(states)) {
      if (!reached.has(name)) findings.push(finding('unreachable-state', [...scope.ownerPath, name], message));
    }
  }
  return findings;
};
