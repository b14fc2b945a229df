import { REDACTED, redactTaskTokens } from '../../../api/runs/redact-task-tokens';

describe('redactTaskTokens', () => {
  it('drops taskToken fields at any depth, also inside JSON text, and keeps the rest', () => {
    const redacted = redactTaskTokens({
      resource: 'invoke.waitForTaskToken',
      parameters: JSON.stringify({
        FunctionName: 'approval-request',
        Payload: { taskToken: 'AAAA', 'task_token.$': '$$.Task.Token', stateName: 'Approve' },
      }),
      nested: [{ TaskToken: 'BBBB', keep: 1 }],
    });

    expect(redacted).toEqual({
      resource: 'invoke.waitForTaskToken',
      parameters: JSON.stringify({ FunctionName: 'approval-request', Payload: { stateName: 'Approve' } }),
      nested: [{ keep: 1 }],
    });
  });

  it('redacts text that mentions a task token and is not JSON, unless it is a .waitForTaskToken resource name', () => {
    expect(redactTaskTokens('taskToken=AAAA')).toBe(REDACTED);
    expect(redactTaskTokens('arn:aws:states:::lambda:invoke.waitForTaskToken')).toBe('arn:aws:states:::lambda:invoke.waitForTaskToken');
    expect(redactTaskTokens('invoke.waitForTaskToken with taskToken AAAA')).toBe(REDACTED);
  });
});
