/** Valid definitions in the shape real workflows take, shared by the check tests. Fresh objects on every call. */
const LAMBDA = 'arn:aws:states:::lambda:invoke';

/** JSONPath: Retry/Catch, Choice with Default, Parallel, Map with ItemProcessor, and an approval on waitForTaskToken. */
export function jsonPathDefinition(): Record<string, unknown> {
  return {
    Comment: 'Deploy a service after approval',
    StartAt: 'Validate',
    TimeoutSeconds: 86400,
    States: {
      Validate: {
        Type: 'Task',
        Resource: LAMBDA,
        Parameters: { FunctionName: 'validate', 'Payload.$': '$' },
        ResultSelector: { 'valid.$': '$.Payload.valid' },
        ResultPath: '$.validation',
        Retry: [{ ErrorEquals: ['Lambda.ServiceException', 'States.Timeout'], IntervalSeconds: 2, MaxAttempts: 3, BackoffRate: 2 }],
        Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Failed' }],
        Next: 'Is valid',
      },
      'Is valid': {
        Type: 'Choice',
        Choices: [{ Variable: '$.validation.valid', BooleanEquals: true, Next: 'Build' }],
        Default: 'Rejected',
      },
      Build: {
        Type: 'Parallel',
        Branches: [
          {
            StartAt: 'Compile',
            States: {
              Compile: {
                Type: 'Task',
                Resource: LAMBDA,
                Parameters: { FunctionName: 'compile', 'Payload.$': '$' },
                TimeoutSeconds: 300,
                HeartbeatSeconds: 60,
                End: true,
              },
            },
          },
          { StartAt: 'Lint', States: { Lint: { Type: 'Pass', Result: { ok: true }, End: true } } },
        ],
        ResultPath: '$.build',
        Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Failed' }],
        Next: 'Deploy regions',
      },
      'Deploy regions': {
        Type: 'Map',
        ItemsPath: '$.regions',
        ItemSelector: { 'region.$': '$$.Map.Item.Value', 'release.$': '$.release' },
        MaxConcurrency: 2,
        ItemProcessor: {
          ProcessorConfig: { Mode: 'INLINE' },
          StartAt: 'Deploy',
          States: {
            Deploy: {
              Type: 'Task',
              Resource: LAMBDA,
              Parameters: { FunctionName: 'deploy', 'Payload.$': '$' },
              Next: 'Settle',
            },
            Settle: { Type: 'Wait', Seconds: 30, End: true },
          },
        },
        ResultPath: '$.deployments',
        Next: 'Approve release',
      },
      'Approve release': {
        Type: 'Task',
        Resource: `${LAMBDA}.waitForTaskToken`,
        Parameters: {
          FunctionName: 'approval-request',
          Payload: { 'token.$': '$$.Task.Token', 'message.$': "States.Format('Release {} is ready', $.release)" },
        },
        TimeoutSeconds: 604800,
        HeartbeatSeconds: 3600,
        Catch: [
          { ErrorEquals: ['Rejected'], Next: 'Rejected' },
          { ErrorEquals: ['States.Timeout'], ResultPath: '$.error', Next: 'Failed' },
        ],
        Next: 'Done',
      },
      Done: { Type: 'Succeed' },
      Rejected: { Type: 'Fail', Error: 'Rejected', Cause: 'The release was rejected' },
      Failed: { Type: 'Fail', ErrorPath: '$.error.Error', CausePath: '$.error.Cause' },
    },
  };
}

/** JSONata: Arguments/Output/Assign, a Condition, a Map over Items, scalar Output, and the token in Arguments. */
export function jsonataDefinition(): Record<string, unknown> {
  return {
    QueryLanguage: 'JSONata',
    StartAt: 'Fetch',
    States: {
      Fetch: {
        Type: 'Task',
        Resource: LAMBDA,
        Arguments: { FunctionName: 'fetch', Payload: '{% $states.input %}' },
        Output: '{% $states.result.Payload %}',
        Assign: { count: '{% $count($states.result.Payload.items) %}' },
        Retry: [{ ErrorEquals: ['States.ALL'], MaxAttempts: 2 }],
        Next: 'Any items?',
      },
      'Any items?': {
        Type: 'Choice',
        Choices: [{ Condition: '{% $count > 0 %}', Next: 'Each item' }],
        Default: 'Nothing to do',
      },
      'Each item': {
        Type: 'Map',
        Items: '{% $states.input.items %}',
        ItemSelector: { item: '{% $states.context.Map.Item.Value %}' },
        ItemProcessor: {
          StartAt: 'Handle',
          States: {
            Handle: {
              Type: 'Task',
              Resource: `${LAMBDA}.waitForTaskToken`,
              Arguments: {
                FunctionName: 'handle',
                Payload: { item: '{% $states.input.item %}', token: '{% $states.context.Task.Token %}' },
              },
              TimeoutSeconds: 3600,
              End: true,
            },
          },
        },
        Next: 'Summarise',
      },
      Summarise: {
        Type: 'Pass',
        Output: '{% $count & " items handled" %}',
        Next: 'Done',
      },
      'Nothing to do': { Type: 'Pass', Output: 0, Next: 'Done' },
      Done: { Type: 'Succeed' },
    },
  };
}
