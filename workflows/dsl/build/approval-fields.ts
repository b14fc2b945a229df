/**
 * A manual approval as a callback Task: the built-in approval-request function stores the pending
 * approval with the task token; a decision later calls SendTaskSuccess or SendTaskFailure.
 */
import type { QueryLanguage } from '../../asl';
import { placeholderRef } from '../substitution';
import { pascalCase } from '../task-function';
import type { BuildContext } from './build-context';
import type { DraftFields } from './state-draft';

import { APPROVAL_REJECTED_ERROR, APPROVAL_REQUEST_FUNCTION } from '../../asl/approval-contract';

export { APPROVAL_REJECTED_ERROR, APPROVAL_REQUEST_FUNCTION };
export const APPROVAL_PLACEHOLDER = `${pascalCase(APPROVAL_REQUEST_FUNCTION)}FunctionArn`;

/** Who may decide: named users and/or members of groups; by default not the person who started the run. */
export type ApproverPolicy = {
  users?: readonly string[];
  groups?: readonly string[];
  /** Whether the person who started the run may approve it (default false). */
  allowRequester?: boolean;
};

export type ApprovalPayloadOptions = {
  approvers: ApproverPolicy;
  /** Shown to approvers; `{$.path}` inserts a value from the state's data. */
  message: string;
  /** What the approver sees of the data: a path (default the whole input). */
  context?: string;
  timeoutSeconds?: number;
};

const PLACEHOLDER = /\{(\$[^{}]*)\}/g;

/** `'Deploy {$.service}?'` → `States.Format('Deploy {}?', $.service)`; plain text stays plain. */
export function messageTemplate(message: string): { value: string; isPath: boolean } {
  const paths = [...message.matchAll(PLACEHOLDER)].map((match) => match[1]);
  if (paths.length === 0) return { value: message, isPath: false };
  const escape = (text: string) => text.replace(/[\\'{}]/g, (ch) => `\\${ch}`);
  const format = message
    .split(PLACEHOLDER)
    .filter((_, index) => index % 2 === 0)
    .map(escape)
    .join('{}');
  return { value: `States.Format('${format}', ${paths.join(', ')})`, isPath: true };
}

/** `{$.a}` → `{$states.input.a}` for JSONata messages. */
function jsonataMessage(message: string): string {
  const parts = message.split(PLACEHOLDER);
  if (parts.length === 1) return message;
  const pieces = parts.map((part, index) => (index % 2 === 0 ? JSON.stringify(part) : `$string($states.input${part.slice(1)})`));
  return `{% ${pieces.filter((piece) => piece !== '""').join(' & ')} %}`;
}

/** Resource and payload of an approval task. */
export function approvalFields(
  workflow: string,
  options: ApprovalPayloadOptions,
  language: QueryLanguage,
  context: BuildContext,
): DraftFields {
  context.substitute(APPROVAL_PLACEHOLDER, { type: 'function', functionName: APPROVAL_REQUEST_FUNCTION });
  const approvers = {
    users: [...(options.approvers.users ?? [])],
    groups: [...(options.approvers.groups ?? [])],
    allowRequester: options.approvers.allowRequester ?? false,
  };
  const Resource = 'arn:aws:states:::lambda:invoke.waitForTaskToken';
  if (language === 'JSONata') {
    const input = options.context ? `{% $states.input${options.context.slice(1)} %}` : '{% $states.input %}';
    return {
      Resource,
      Arguments: {
        FunctionName: placeholderRef(APPROVAL_PLACEHOLDER),
        Payload: {
          taskToken: '{% $states.context.Task.Token %}',
          executionArn: '{% $states.context.Execution.Id %}',
          stateName: '{% $states.context.State.Name %}',
          workflow,
          approvers,
          message: jsonataMessage(options.message),
          input,
          timeoutSeconds: options.timeoutSeconds,
        },
      },
    };
  }
  const message = messageTemplate(options.message);
  return {
    Resource,
    Parameters: {
      FunctionName: placeholderRef(APPROVAL_PLACEHOLDER),
      Payload: {
        'taskToken.$': '$$.Task.Token',
        'executionArn.$': '$$.Execution.Id',
        'stateName.$': '$$.State.Name',
        workflow,
        approvers,
        [message.isPath ? 'message.$' : 'message']: message.value,
        'input.$': options.context ?? '$',
        timeoutSeconds: options.timeoutSeconds,
      },
    },
  };
}
