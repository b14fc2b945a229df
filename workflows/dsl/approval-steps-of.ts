/** The approval steps of a compiled definition, at any depth, with who may decide each. */
import { walkStates } from './checks/walk-states';
import { isRecord } from './checks/is-record';
import { APPROVAL_PLACEHOLDER, type ApproverPolicy } from './build/approval-fields';
import { placeholderRef } from './substitution';

/** One approval step: its state path and its approver policy. */
export type ApprovalStep = { stateName: string; path: readonly string[]; approvers: Required<ApproverPolicy> };

/** Every Task that calls the built-in approval-request function (before or after substitution). */
export function approvalStepsOf(definition: unknown, approvalFunctionArn: string = placeholderRef(APPROVAL_PLACEHOLDER)): ApprovalStep[] {
  const steps: ApprovalStep[] = [];
  for (const visit of walkStates(definition).states) {
    const fields = isRecord(visit.state.Parameters)
      ? visit.state.Parameters
      : isRecord(visit.state.Arguments)
        ? visit.state.Arguments
        : undefined;
    if (visit.state.Type !== 'Task' || !fields || !isRecord(fields.Payload)) continue;
    const functionName = fields.FunctionName;
    if (functionName !== approvalFunctionArn && functionName !== placeholderRef(APPROVAL_PLACEHOLDER)) continue;
    const approvers = isRecord(fields.Payload.approvers) ? fields.Payload.approvers : {};
    steps.push({
      stateName: visit.name,
      path: visit.path,
      approvers: {
        users: strings(approvers.users),
        groups: strings(approvers.groups),
        allowRequester: approvers.allowRequester === true,
      },
    });
  }
  return steps;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
