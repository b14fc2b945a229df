/**
 * The one access rule. Every way in (REST routes, listings, the approvals inbox, the live socket,
 * the chat, the console) asks `checkAccess` what a verified caller may do with a workflow's runs
 * and approvals, and renders its refusal in its own words. Identity comes only from the caller
 * (a verified token), never from request or workflow input.
 */
import type { ApproverPolicy, ApprovalStep, Principals, WorkflowAccess } from '../../workflows/dsl';
import type { Caller } from '../errors';

/** What a caller wants to do. */
export type AccessAction = 'read' | 'start' | 'stop' | 'decide';

/** The global roles that apply to a workflow without a declaration; admins may read and operate every workflow. */
export const ROLE_GROUPS = {
  read: ['viewers', 'operators', 'approvers', 'admins'],
  operate: ['operators', 'admins'],
} as const satisfies Record<'read' | 'operate', readonly string[]>;

/** The group that may read and operate every workflow, declared or not. */
export const ADMIN_GROUP = 'admins';

/** A workflow's access as the rule reads it: the declaration (or the global roles) and the approvers of its steps. */
export type ResolvedAccess = {
  workflow: string;
  read: Principals;
  operate: Principals;
  /** Everyone an approval step of the workflow names: they may read its runs. */
  approvers: Principals;
  requireKnownRequester: boolean;
};

/** The approval a `decide` is about: who may decide it and who started its run (undefined: unknown). */
export type ApprovalSubject = {
  approvalId: string;
  approvers: Pick<ApproverPolicy, 'users' | 'groups' | 'allowRequester'>;
  requestedBy?: string;
};

/** Allowed, or refused with a stable code and a reason in plain words; `visible: false` means the caller may not even know it exists. */
export type AccessVerdict = { allowed: true } | { allowed: false; visible: boolean; code: AccessRefusal; reason: string };

/** Why access was refused. */
export type AccessRefusal =
  'not-readable' | 'forbidden' | 'approval-not-allowed' | 'approval-requester-not-allowed' | 'approval-requester-unknown';

/** The access of `workflow` from its declaration (none: the global roles) and its approval steps. */
export function resolveAccess(workflow: string, declared: WorkflowAccess | undefined, steps: readonly ApprovalStep[] = []): ResolvedAccess {
  return {
    workflow,
    read: declared?.read ?? { groups: ROLE_GROUPS.read },
    operate: declared?.operate ?? { groups: ROLE_GROUPS.operate },
    approvers: { users: steps.flatMap((step) => step.approvers.users), groups: steps.flatMap((step) => step.approvers.groups) },
    requireKnownRequester: declared?.requireKnownRequester ?? false,
  };
}

/** Whether `caller` may do `action` on the runs of the workflow `access` describes (for `decide`, on `approval`). */
export function checkAccess(caller: Caller, action: AccessAction, access: ResolvedAccess, approval?: ApprovalSubject): AccessVerdict {
  const admin = caller.groups.includes(ADMIN_GROUP);
  const operates = admin || named(caller, access.operate);
  const reads =
    operates ||
    named(caller, access.read) ||
    named(caller, access.approvers) ||
    (approval !== undefined && named(caller, approval.approvers));
  if (!reads) return refuse(false, 'not-readable', `${caller.user} may not read runs of ${access.workflow}`);
  if (action === 'read') return { allowed: true };
  if (action === 'start' || action === 'stop') {
    if (operates) return { allowed: true };
    return refuse(true, 'forbidden', `${caller.user} may not ${action} runs of ${access.workflow}: that needs ${describe(access.operate)}`);
  }
  if (!approval) return refuse(true, 'approval-not-allowed', `${caller.user} is not an approver here`);
  if (!named(caller, approval.approvers)) {
    return refuse(
      true,
      'approval-not-allowed',
      `${caller.user} is not an approver of ${approval.approvalId}: it needs ${describe(approval.approvers)}`,
    );
  }
  if (approval.requestedBy === undefined) {
    if (access.requireKnownRequester)
      return refuse(
        true,
        'approval-requester-unknown',
        `nobody knows who started this run, and ${access.workflow} requires a known requester before ${approval.approvalId} can be decided`,
      );
    return { allowed: true };
  }
  if (approval.requestedBy === caller.user && !approval.approvers.allowRequester) {
    return refuse(
      true,
      'approval-requester-not-allowed',
      `${caller.user} started this run and may not decide ${approval.approvalId}: another approver must (four-eyes)`,
    );
  }
  return { allowed: true };
}

/** Whether `caller` is one of the users or in one of the groups. */
export function named(caller: Caller, principals: Principals): boolean {
  return (principals.users ?? []).includes(caller.user) || caller.groups.some((group) => (principals.groups ?? []).includes(group));
}

function refuse(visible: boolean, code: AccessRefusal, reason: string): AccessVerdict {
  return { allowed: false, visible, code, reason };
}

/** `membership of finance or release-managers, or being alice`. */
function describe(principals: Principals): string {
  const groups = principals.groups ?? [];
  const users = principals.users ?? [];
  const parts = [groups.length ? `membership of ${groups.join(' or ')}` : '', users.length ? `being ${users.join(' or ')}` : ''].filter(
    Boolean,
  );
  return parts.length ? parts.join(', or ') : 'a role nobody has';
}
