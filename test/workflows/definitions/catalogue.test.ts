import type { State, StateMachine, StateMachineBranch } from '../../../workflows/asl';
import { catalogue, findWorkflow, taskFunctions } from '../../../workflows/definitions';
import { compile, type CompiledWorkflow, type Workflow } from '../../../workflows/dsl';

const NAMES = ['order-fulfillment', 'deploy-service', 'nightly-report', 'onboard-customer', 'refund-request', 'data-backfill'];

/** The top level, every Parallel branch and every Map item processor. */
function scopesOf(branch: StateMachineBranch): StateMachineBranch[] {
  return [
    branch,
    ...Object.values(branch.States).flatMap((s) =>
      s.Type === 'Parallel' ? s.Branches.flatMap(scopesOf) : s.Type === 'Map' && s.ItemProcessor ? scopesOf(s.ItemProcessor) : [],
    ),
  ];
}

/** Every state of a branch, Parallel branches and Map item processors included. */
function statesOf(branch: StateMachineBranch): State[] {
  return scopesOf(branch).flatMap((scope) => Object.values(scope.States));
}

/** Every object key at any depth (Choice operators, nested And/Or/Not included). */
function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => [key, ...keysOf(child)]);
}

/** `${…FunctionArn}` placeholders written anywhere in a definition. */
function functionPlaceholders(definition: StateMachine): string[] {
  return [...new Set(JSON.stringify(definition).match(/\$\{[A-Za-z0-9]+FunctionArn\}/g) ?? [])].sort();
}

/** Each workflow compiled once (compiling runs asl-validator, which takes a while). */
const compiledByName = new Map<string, CompiledWorkflow>();
function compileByName(name: string): CompiledWorkflow {
  const cached = compiledByName.get(name);
  if (cached) return cached;
  const workflow = findWorkflow(name);
  if (!workflow) throw new Error(`no workflow ${name}`);
  const compiled = compile(workflow);
  compiledByName.set(name, compiled);
  return compiled;
}

/** The whole catalogue's definitions and states, for the tests that look across all of it. */
type Compiled = { definitions: StateMachine[]; states: State[] };
function compileAll(): Compiled {
  const definitions = catalogue.map((workflow) => compileByName(workflow.name).definition);
  return { definitions, states: definitions.flatMap(statesOf) };
}

const tasks = (states: State[]) => states.filter((state) => state.Type === 'Task');
const ofType =
  (type: State['Type']) =>
  ({ states }: Compiled) =>
    states.some((state) => state.Type === type);

describe('the catalogue', () => {
  it('lists the six sample workflows in order', () => {
    const names = catalogue.map((workflow) => workflow.name);

    expect(names).toStrictEqual(NAMES);
  });

  it('finds a workflow by name and nothing for an unknown name', () => {
    const found = findWorkflow('refund-request');
    const missing = findWorkflow('no-such-workflow');

    expect(found?.name).toBe('refund-request');
    expect(missing).toBeUndefined();
  });

  it.each(NAMES)('compiles %s without errors or warnings', (name) => {
    const { warnings } = compileByName(name);

    expect(warnings).toStrictEqual([]);
  });

  it.each(NAMES)('gives %s a short description and an example input', (name) => {
    const { options } = findWorkflow(name) as Workflow;

    const sentences = options.description.split(/(?<=[.!?])\s+/);

    expect(sentences.length).toBeGreaterThanOrEqual(1);
    expect(sentences.length).toBeLessThanOrEqual(2);
    expect(options.example).toEqual(expect.any(Object));
  });

  it.each(NAMES)('compiles %s to the committed ASL', (name) => {
    const { definition } = compileByName(name);

    expect(definition).toMatchSnapshot();
  });

  it.each(NAMES)('substitutes a function ARN for every task function %s calls', (name) => {
    const { definition, substitutions, functions } = compileByName(name);

    const placeholders = functionPlaceholders(definition);
    const expected = [...functions.values()].map((fn) => `\${${fn.placeholder}}`);

    for (const fn of functions.values()) {
      expect(substitutions[fn.placeholder]).toStrictEqual({ type: 'function', functionName: fn.name });
    }
    expect(placeholders.filter((p) => p !== '${ApprovalRequestFunctionArn}')).toStrictEqual(expected.sort());
    for (const placeholder of placeholders) expect(substitutions[placeholder.slice(2, -1)]).toBeDefined();
  });
});

describe('the constructs the catalogue showcases', () => {
  const constructs: [string, (compiled: Compiled) => boolean][] = [
    ['Parallel', ofType('Parallel')],
    ['Map', ofType('Map')],
    ['Choice', ofType('Choice')],
    ['Wait', ofType('Wait')],
    ['Succeed', ofType('Succeed')],
    ['Fail', ofType('Fail')],
    ['Pass', ofType('Pass')],
    ['Task', ofType('Task')],
    [
      'Map with MaxConcurrency in two workflows',
      ({ definitions }) =>
        definitions.filter((d) => statesOf(d).some((s) => s.Type === 'Map' && typeof s.MaxConcurrency === 'number')).length >= 2,
    ],
    [
      'Map with ToleratedFailurePercentage',
      ({ states }) => states.some((s) => s.Type === 'Map' && s.ToleratedFailurePercentage !== undefined),
    ],
    [
      'Retry with BackoffRate, MaxDelaySeconds and JitterStrategy',
      ({ states }) =>
        tasks(states).some((s) =>
          (s.Retry ?? []).some((r) => r.BackoffRate !== undefined && r.MaxDelaySeconds !== undefined && r.JitterStrategy === 'FULL'),
        ),
    ],
    [
      'Catch',
      ({ states }) => states.some((s) => (s.Type === 'Task' || s.Type === 'Parallel' || s.Type === 'Map') && (s.Catch ?? []).length > 0),
    ],
    ['TimeoutSeconds on a task', ({ states }) => tasks(states).some((s) => typeof s.TimeoutSeconds === 'number')],
    ['HeartbeatSeconds on a task', ({ states }) => tasks(states).some((s) => typeof s.HeartbeatSeconds === 'number')],
    [
      'waitForTaskToken approvals in three workflows',
      ({ definitions }) => definitions.filter((d) => tasks(statesOf(d)).some((s) => s.Resource.endsWith('.waitForTaskToken'))).length === 3,
    ],
    [
      'approvals that catch both rejection and expiry',
      ({ states }) =>
        tasks(states)
          .filter((s) => s.Resource.endsWith('.waitForTaskToken'))
          .every((s) =>
            ['Approval.Rejected', 'States.Timeout'].every((error) => (s.Catch ?? []).some((c) => c.ErrorEquals.includes(error))),
          ),
    ],
    [
      'startExecution (a nested workflow)',
      ({ states }) => tasks(states).some((s) => s.Resource.startsWith('arn:aws:states:::states:startExecution')),
    ],
    ['dynamodb', ({ states }) => tasks(states).some((s) => s.Resource.startsWith('arn:aws:states:::dynamodb:'))],
    ['JSONata', ({ definitions }) => definitions.some((d) => d.QueryLanguage === 'JSONata' && keysOf(d.States).includes('Condition'))],
    [
      'Pass with an intrinsic function',
      ({ states }) => states.some((s) => s.Type === 'Pass' && JSON.stringify(s.Parameters ?? {}).includes('States.Format(')),
    ],
    [
      'workflow timeouts on at least two workflows',
      ({ definitions }) => definitions.filter((d) => d.TimeoutSeconds !== undefined).length >= 2,
    ],
    [
      'a Choice poll loop back to a Wait',
      ({ definitions }) =>
        definitions
          .flatMap(scopesOf)
          .some((scope) =>
            Object.values(scope.States).some(
              (s) =>
                s.Type === 'Choice' &&
                [s.Default, ...s.Choices.map((rule) => rule.Next)].some(
                  (target) => target !== undefined && scope.States[target]?.Type === 'Wait',
                ),
            ),
          ),
    ],
  ];

  it.each(constructs)('uses %s', (_label, used) => {
    const compiled = compileAll();

    expect(used(compiled)).toBe(true);
  });

  it.each(['And', 'Or', 'Not', 'IsPresent', 'BooleanEquals', 'NumericGreaterThan', 'NumericLessThan', 'StringEquals', 'Condition'])(
    'uses the Choice operator %s',
    (operator) => {
      const { states } = compileAll();

      const operators = keysOf(states.filter((s) => s.Type === 'Choice').map((s) => (s.Type === 'Choice' ? s.Choices : [])));

      expect(operators).toContain(operator);
    },
  );
});

describe('taskFunctions', () => {
  it('lists exactly the task functions the catalogue calls, each name once', () => {
    const used = new Map(catalogue.flatMap((workflow) => [...compileByName(workflow.name).functions]));

    const names = taskFunctions.map((fn) => fn.name);

    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toStrictEqual([...used.keys()].sort());
    for (const fn of taskFunctions) expect(used.get(fn.name)).toBe(fn);
  });
});
