/**
 * `express-unsupported`: what an Express workflow cannot do. Express executions last at most five
 * minutes and support neither `.waitForTaskToken` (so no approval steps) nor `.sync` (no waiting for
 * a child run): https://docs.aws.amazon.com/step-functions/latest/dg/choosing-workflow-type.html
 */
import type { WalkedDefinition } from './walk-states';
import { finding, type Finding } from './finding';

/** Express executions are stopped after this long. */
export const EXPRESS_MAX_SECONDS = 300;

/** The findings that make `machine` impossible as an Express state machine. */
export function checkExpress(machine: WalkedDefinition, timeoutSeconds: number | undefined): Finding[] {
  const findings = machine.states.flatMap(({ state, path }) => {
    const resource = state.Type === 'Task' && typeof state.Resource === 'string' ? state.Resource : '';
    const pattern = /\.(waitForTaskToken|sync(?::2)?)$/.exec(resource)?.[1];
    if (!pattern) return [];
    const what = pattern === 'waitForTaskToken' ? 'wait for a task token (approval steps and callbacks)' : 'wait for a child run (.sync)';
    return [
      finding(
        'express-unsupported',
        path,
        `Express workflows cannot ${what}: make the workflow Standard (the default) or do not wait here`,
      ),
    ];
  });
  if (timeoutSeconds !== undefined && timeoutSeconds > EXPRESS_MAX_SECONDS) {
    findings.push(
      finding(
        'express-unsupported',
        [],
        `timeout is ${timeoutSeconds} s, but Express executions are stopped after ${EXPRESS_MAX_SECONDS} s`,
      ),
    );
  }
  return findings;
}
