/**
 * The one access rule applied to live events on AWS, as the local `/ws` server applies it: a
 * connection gets an event only if its caller may read the event's workflow.
 */
import { checkAccess } from '../../access/access-rule';
import type { Caller } from '../../errors';
import type { AccessOf } from '../live-socket-server';

/** Whether `caller` may read runs of `workflow`; an event of no known workflow, or a failing lookup, is read by nobody. */
export function mayRead(caller: Caller, workflow: string, accessOf: AccessOf): boolean {
  if (workflow === '') return false;
  try {
    return checkAccess(caller, 'read', accessOf(workflow)).allowed;
  } catch {
    return false;
  }
}
