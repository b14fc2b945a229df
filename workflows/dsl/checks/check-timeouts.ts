/**
 * `heartbeat-not-less-than-timeout`: TimeoutSeconds and HeartbeatSeconds must be positive integers and a
 * heartbeat shorter than the timeout (https://states-language.net/spec.html#task-state). asl-validator misses this.
 */
import type { Check } from './check';
import { finding, type Finding } from './finding';
import type { JsonRecord } from './is-record';

const CODE = 'heartbeat-not-less-than-timeout';

/** Reports non-positive timeouts and heartbeats that could never beat before the task times out. */
export const checkTimeouts: Check = (machine) => {
  const findings: Finding[] = [];
  const top = machine.scopes[0];
  if (top?.kind === 'machine') findings.push(...positiveFindings(top.node, ['TimeoutSeconds'], []));
  for (const { state, path } of machine.states) {
    if (state.Type !== 'Task') continue;
    findings.push(...positiveFindings(state, ['TimeoutSeconds', 'HeartbeatSeconds'], path));
    const { TimeoutSeconds: timeout, HeartbeatSeconds: heartbeat } = state;
    if (typeof timeout === 'number' && typeof heartbeat === 'number' && heartbeat >= timeout) {
      findings.push(finding(CODE, path, `HeartbeatSeconds (${heartbeat}) must be less than TimeoutSeconds (${timeout})`));
    }
  }
  return findings;
};

function positiveFindings(node: JsonRecord, fields: readonly string[], path: readonly string[]): Finding[] {
  return fields.flatMap((field) => {
    const value = node[field];
    if (typeof value !== 'number' || (Number.isInteger(value) && value > 0)) return [];
    return [finding(CODE, path, `${field} (${value}) must be a positive integer`)];
  });
}
