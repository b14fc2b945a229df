import type { StateMachine } from '../../../../workflows/asl';
import { DefinitionError } from '../../../../workflows/dsl/errors';
import { toGraph } from '../../../../workflows/dsl/graph';

describe('toGraph', () => {
  it('turns a linear chain into Start → states → End with next edges', () => {
    const definition: StateMachine = {
      StartAt: 'Prepare',
      States: {
        Prepare: { Type: 'Pass', Comment: 'shape the input', Next: 'Deploy' },
        Deploy: { Type: 'Task', Resource: 'arn:aws:lambda:eu-west-1:1:function:deploy', End: true },
      },
    };

    const graph = toGraph(definition);

    expect(graph).toStrictEqual({
      nodes: [
        { id: '__start__', name: 'Start', type: 'Start' },
        { id: 'Prepare', name: 'Prepare', type: 'Pass', comment: 'shape the input' },
        { id: 'Deploy', name: 'Deploy', type: 'Task', resource: 'arn:aws:lambda:eu-west-1:1:function:deploy' },
        { id: '__end__', name: 'End', type: 'End' },
      ],
      edges: [
        { id: '__start__:next', from: '__start__', to: 'Prepare', kind: 'next' },
        { id: 'Prepare:next', from: 'Prepare', to: 'Deploy', kind: 'next' },
        { id: 'Deploy:next', from: 'Deploy', to: '__end__', kind: 'next' },
      ],
    });
  });

  it('labels each Choice rule, adds a default edge, and ends Succeed and Fail states at End', () => {
    const definition: StateMachine = {
      StartAt: 'Check status',
      States: {
        'Check status': {
          Type: 'Choice',
          Choices: [
            { Variable: '$.status', StringEquals: 'ok', Next: 'Done' },
            { Condition: '{% $states.input.amount > 1000 %}', Next: 'Wait' },
          ],
          Default: 'Failed',
        },
        Wait: { Type: 'Wait', Seconds: 90, Next: 'Check status' },
        Done: { Type: 'Succeed' },
        Failed: { Type: 'Fail', Error: 'Rejected' },
      },
    };

    const graph = toGraph(definition);

    expect(graph).toStrictEqual({
      nodes: [
        { id: '__start__', name: 'Start', type: 'Start' },
        { id: 'Check status', name: 'Check status', type: 'Choice' },
        { id: 'Wait', name: 'Wait', type: 'Wait' },
        { id: 'Done', name: 'Done', type: 'Succeed' },
        { id: 'Failed', name: 'Failed', type: 'Fail' },
        { id: '__end__', name: 'End', type: 'End' },
      ],
      edges: [
        { id: '__start__:next', from: '__start__', to: 'Check status', kind: 'next' },
        { id: 'Check status:choice:0', from: 'Check status', to: 'Done', kind: 'choice', label: '$.status == "ok"' },
        {
          id: 'Check status:choice:1',
          from: 'Check status',
          to: 'Wait',
          kind: 'choice',
          label: '$states.input.amount > 1000',
        },
        { id: 'Check status:default', from: 'Check status', to: 'Failed', kind: 'default' },
        { id: 'Wait:next', from: 'Wait', to: 'Check status', kind: 'next' },
        { id: 'Done:next', from: 'Done', to: '__end__', kind: 'next' },
        { id: 'Failed:next', from: 'Failed', to: '__end__', kind: 'next' },
      ],
    });
  });

  it('adds a catch edge per catcher, labelled with its error names', () => {
    const definition: StateMachine = {
      StartAt: 'Charge',
      States: {
        Charge: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          End: true,
          Catch: [
            { ErrorEquals: ['Card.Declined', 'Card.Expired'], Next: 'Notify' },
            { ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Notify' },
          ],
        },
        Notify: { Type: 'Fail' },
      },
    };

    const graph = toGraph(definition);

    expect(graph).toStrictEqual({
      nodes: [
        { id: '__start__', name: 'Start', type: 'Start' },
        { id: 'Charge', name: 'Charge', type: 'Task', resource: 'arn:aws:states:::lambda:invoke' },
        { id: 'Notify', name: 'Notify', type: 'Fail' },
        { id: '__end__', name: 'End', type: 'End' },
      ],
      edges: [
        { id: '__start__:next', from: '__start__', to: 'Charge', kind: 'next' },
        { id: 'Charge:next', from: 'Charge', to: '__end__', kind: 'next' },
        { id: 'Charge:catch:0', from: 'Charge', to: 'Notify', kind: 'catch', label: 'Card.Declined, Card.Expired' },
        { id: 'Charge:catch:1', from: 'Charge', to: 'Notify', kind: 'catch', label: 'States.ALL' },
        { id: 'Notify:next', from: 'Notify', to: '__end__', kind: 'next' },
      ],
    });
  });

  it('gives each Parallel branch its own Start and End, placed under the Parallel with its index', () => {
    const definition: StateMachine = {
      StartAt: 'Checks',
      States: {
        Checks: {
          Type: 'Parallel',
          End: true,
          Branches: [
            { StartAt: 'Unit tests', States: { 'Unit tests': { Type: 'Task', Resource: 'arn:unit', End: true } } },
            { StartAt: 'Lint', States: { Lint: { Type: 'Succeed' } } },
          ],
        },
      },
    };

    const graph = toGraph(definition);

    const branch0 = { parent: 'Checks', branch: 0 };
    const branch1 = { parent: 'Checks', branch: 1 };
    expect(graph).toStrictEqual({
      nodes: [
        { id: '__start__', name: 'Start', type: 'Start' },
        { id: 'Checks', name: 'Checks', type: 'Parallel' },
        { id: 'Checks/0/__start__', name: 'Start', type: 'Start', ...branch0 },
        { id: 'Checks/Unit tests', name: 'Unit tests', type: 'Task', resource: 'arn:unit', ...branch0 },
        { id: 'Checks/0/__end__', name: 'End', type: 'End', ...branch0 },
        { id: 'Checks/1/__start__', name: 'Start', type: 'Start', ...branch1 },
        { id: 'Checks/Lint', name: 'Lint', type: 'Succeed', ...branch1 },
        { id: 'Checks/1/__end__', name: 'End', type: 'End', ...branch1 },
        { id: '__end__', name: 'End', type: 'End' },
      ],
      edges: [
        { id: '__start__:next', from: '__start__', to: 'Checks', kind: 'next' },
        { id: 'Checks:branch:0', from: 'Checks', to: 'Checks/0/__start__', kind: 'branch' },
        { id: 'Checks:branch:1', from: 'Checks', to: 'Checks/1/__start__', kind: 'branch' },
        { id: 'Checks:next', from: 'Checks', to: '__end__', kind: 'next' },
        { id: 'Checks/0/__start__:next', from: 'Checks/0/__start__', to: 'Checks/Unit tests', kind: 'next' },
        { id: 'Checks/Unit tests:next', from: 'Checks/Unit tests', to: 'Checks/0/__end__', kind: 'next' },
        { id: 'Checks/1/__start__:next', from: 'Checks/1/__start__', to: 'Checks/Lint', kind: 'next' },
        { id: 'Checks/Lint:next', from: 'Checks/Lint', to: 'Checks/1/__end__', kind: 'next' },
      ],
    });
  });

  it('links a Map to its ItemProcessor Start with an iteration edge labelled by MaxConcurrency', () => {
    const definition: StateMachine = {
      StartAt: 'Process regions',
      States: {
        'Process regions': {
          Type: 'Map',
          MaxConcurrency: 3,
          End: true,
          ItemProcessor: { StartAt: 'Deploy region', States: { 'Deploy region': { Type: 'Pass', End: true } } },
        },
      },
    };

    const graph = toGraph(definition);

    const inMap = { parent: 'Process regions' };
    expect(graph).toStrictEqual({
      nodes: [
        { id: '__start__', name: 'Start', type: 'Start' },
        { id: 'Process regions', name: 'Process regions', type: 'Map' },
        { id: 'Process regions/__start__', name: 'Start', type: 'Start', ...inMap },
        { id: 'Process regions/Deploy region', name: 'Deploy region', type: 'Pass', ...inMap },
        { id: 'Process regions/__end__', name: 'End', type: 'End', ...inMap },
        { id: '__end__', name: 'End', type: 'End' },
      ],
      edges: [
        { id: '__start__:next', from: '__start__', to: 'Process regions', kind: 'next' },
        {
          id: 'Process regions:iteration',
          from: 'Process regions',
          to: 'Process regions/__start__',
          kind: 'iteration',
          label: 'max 3 at once',
        },
        { id: 'Process regions:next', from: 'Process regions', to: '__end__', kind: 'next' },
        {
          id: 'Process regions/__start__:next',
          from: 'Process regions/__start__',
          to: 'Process regions/Deploy region',
          kind: 'next',
        },
        {
          id: 'Process regions/Deploy region:next',
          from: 'Process regions/Deploy region',
          to: 'Process regions/__end__',
          kind: 'next',
        },
      ],
    });
  });

  it('reads a legacy Iterator like an ItemProcessor and leaves the iteration unlabelled when unlimited', () => {
    const definition: StateMachine = {
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          MaxConcurrency: 0,
          End: true,
          Iterator: { StartAt: 'Step', States: { Step: { Type: 'Succeed' } } },
        },
      },
    };

    const graph = toGraph(definition);

    expect(graph).toStrictEqual({
      nodes: [
        { id: '__start__', name: 'Start', type: 'Start' },
        { id: 'Each', name: 'Each', type: 'Map' },
        { id: 'Each/__start__', name: 'Start', type: 'Start', parent: 'Each' },
        { id: 'Each/Step', name: 'Step', type: 'Succeed', parent: 'Each' },
        { id: 'Each/__end__', name: 'End', type: 'End', parent: 'Each' },
        { id: '__end__', name: 'End', type: 'End' },
      ],
      edges: [
        { id: '__start__:next', from: '__start__', to: 'Each', kind: 'next' },
        { id: 'Each:iteration', from: 'Each', to: 'Each/__start__', kind: 'iteration' },
        { id: 'Each:next', from: 'Each', to: '__end__', kind: 'next' },
        { id: 'Each/__start__:next', from: 'Each/__start__', to: 'Each/Step', kind: 'next' },
        { id: 'Each/Step:next', from: 'Each/Step', to: 'Each/__end__', kind: 'next' },
      ],
    });
  });

  it('nests a Map inside a Parallel branch depth-first, its states parented by the Map', () => {
    const definition: StateMachine = {
      StartAt: 'Fan out',
      States: {
        'Fan out': {
          Type: 'Parallel',
          End: true,
          Branches: [
            {
              StartAt: 'Each file',
              States: {
                'Each file': {
                  Type: 'Map',
                  MaxConcurrencyPath: '$.limit',
                  End: true,
                  ItemProcessor: {
                    StartAt: 'Scan',
                    States: { Scan: { Type: 'Task', Resource: 'arn:scan', End: true } },
                  },
                },
              },
            },
          ],
        },
      },
    };

    const graph = toGraph(definition);

    const inBranch = { parent: 'Fan out', branch: 0 };
    const inMap = { parent: 'Fan out/Each file' };
    expect(graph).toStrictEqual({
      nodes: [
        { id: '__start__', name: 'Start', type: 'Start' },
        { id: 'Fan out', name: 'Fan out', type: 'Parallel' },
        { id: 'Fan out/0/__start__', name: 'Start', type: 'Start', ...inBranch },
        { id: 'Fan out/Each file', name: 'Each file', type: 'Map', ...inBranch },
        { id: 'Fan out/Each file/__start__', name: 'Start', type: 'Start', ...inMap },
        { id: 'Fan out/Each file/Scan', name: 'Scan', type: 'Task', resource: 'arn:scan', ...inMap },
        { id: 'Fan out/Each file/__end__', name: 'End', type: 'End', ...inMap },
        { id: 'Fan out/0/__end__', name: 'End', type: 'End', ...inBranch },
        { id: '__end__', name: 'End', type: 'End' },
      ],
      edges: [
        { id: '__start__:next', from: '__start__', to: 'Fan out', kind: 'next' },
        { id: 'Fan out:branch:0', from: 'Fan out', to: 'Fan out/0/__start__', kind: 'branch' },
        { id: 'Fan out:next', from: 'Fan out', to: '__end__', kind: 'next' },
        { id: 'Fan out/0/__start__:next', from: 'Fan out/0/__start__', to: 'Fan out/Each file', kind: 'next' },
        {
          id: 'Fan out/Each file:iteration',
          from: 'Fan out/Each file',
          to: 'Fan out/Each file/__start__',
          kind: 'iteration',
          label: 'max $.limit at once',
        },
        { id: 'Fan out/Each file:next', from: 'Fan out/Each file', to: 'Fan out/0/__end__', kind: 'next' },
        {
          id: 'Fan out/Each file/__start__:next',
          from: 'Fan out/Each file/__start__',
          to: 'Fan out/Each file/Scan',
          kind: 'next',
        },
        {
          id: 'Fan out/Each file/Scan:next',
          from: 'Fan out/Each file/Scan',
          to: 'Fan out/Each file/__end__',
          kind: 'next',
        },
      ],
    });
  });

  it('summarises Retry and Task timeouts on the node, and the workflow timeout on the top Start', () => {
    const definition: StateMachine = {
      StartAt: 'Call API',
      TimeoutSeconds: 86_400,
      States: {
        'Call API': {
          Type: 'Task',
          Resource: 'arn:api',
          TimeoutSeconds: 300,
          HeartbeatSeconds: 60,
          Retry: [
            { ErrorEquals: ['States.TaskFailed'], IntervalSeconds: 2 },
            { ErrorEquals: ['States.Timeout'], MaxAttempts: 5, BackoffRate: 1, IntervalSeconds: 90 },
          ],
          End: true,
        },
      },
    };

    const graph = toGraph(definition);

    expect(graph.nodes).toStrictEqual([
      { id: '__start__', name: 'Start', type: 'Start', timeout: 'timeout 1d' },
      {
        id: 'Call API',
        name: 'Call API',
        type: 'Task',
        resource: 'arn:api',
        retry: 'retry States.TaskFailed ×3, 2s backoff ×2; retry States.Timeout ×5, every 90s',
        timeout: 'timeout 5m, heartbeat 1m',
      },
      { id: '__end__', name: 'End', type: 'End' },
    ]);
  });

  it('keeps ids unique when a state is named like a Start node', () => {
    const definition: StateMachine = {
      StartAt: '__start__',
      States: { __start__: { Type: 'Succeed' } },
    };

    const graph = toGraph(definition);

    expect(graph).toStrictEqual({
      nodes: [
        { id: '__start__', name: 'Start', type: 'Start' },
        { id: '__start__#2', name: '__start__', type: 'Succeed' },
        { id: '__end__', name: 'End', type: 'End' },
      ],
      edges: [
        { id: '__start__:next', from: '__start__', to: '__start__#2', kind: 'next' },
        { id: '__start__#2:next', from: '__start__#2', to: '__end__', kind: 'next' },
      ],
    });
  });

  it('throws a DefinitionError naming the state whose Next points nowhere', () => {
    const definition: StateMachine = {
      StartAt: 'Fan out',
      States: {
        'Fan out': {
          Type: 'Parallel',
          End: true,
          Branches: [{ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'Missing' } } }],
        },
      },
    };

    const build = () => toGraph(definition);

    expect(build).toThrow(DefinitionError);
    expect(build).toThrow('state machine › Fan out › A: Next "Missing" is not a state of its branch');
  });
});
