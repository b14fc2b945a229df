/**
 * Step Functions Local's mock configuration file (MockConfigFile.json) as test cases of the kit: one
 * per state machine and test case, running its workflow with the test case's mocked responses as
 * `serviceMocks` (the service's whole response; a `.waitForTaskToken` task gets it as its callback).
 * The file is checked whole before anything runs, and each refusal names the place in the file.
 * https://docs.aws.amazon.com/step-functions/latest/dg/sfn-local-mock-cfg-file.html
 */
import { readFileSync } from 'node:fs';
import type { JsonValue, StateMachineBranch } from '../asl';
import { compile, type Workflow } from '../dsl';
import type { MockAnswer, TaskMock } from './task-mocks';
import { testWorkflow, type TestedRun, type TestWorkflowOptions } from './test-workflow';

/** The file as AWS documents it: a test case names a mocked response per state; a response answers per invocation (`"0"`, `"1-2"`, …). */
export type MockConfigFile = {
  StateMachines: Record<string, { TestCases: Record<string, Record<string, string>> }>;
  MockedResponses: Record<string, Record<string, MockedInvocation>>;
};

/** What one invocation answers: the service's response (for lambda:invoke, `{ StatusCode, Payload }`), or the error the task fails with. */
export type MockedInvocation = { Return: JsonValue } | { Throw: { Error: string; Cause?: string } };

/** One test case of the file, ready to run. */
export type MockConfigTestCase = {
  stateMachine: string;
  testCase: string;
  /** `StateMachine#TestCase`, as StartExecution selects it (`arn:…:stateMachine:StateMachine#TestCase`). */
  name: string;
  workflow: Workflow;
  /** The test case's mocked responses by state name, one answer per invocation (the last repeats). */
  serviceMocks: Readonly<Record<string, TaskMock>>;
  /** Runs the workflow with the test case's mocks; input, tables, approvals, … as testWorkflow takes them. */
  run(options?: Omit<TestWorkflowOptions<unknown>, 'serviceMocks'>): Promise<TestedRun<unknown>>;
};

/** A mock configuration the kit refuses: `place` is where in the file (`MockedResponses['x']['1-2']`). */
export class MockConfigError extends Error {
  override readonly name = 'MockConfigError';
  readonly code = 'InvalidMockConfig';

  constructor(
    readonly source: string,
    readonly place: string,
    problem: string,
    options?: { cause?: unknown },
  ) {
    super(`${source}, ${place}: ${problem}`, options);
  }
}

type Fail = (place: string, problem: string, cause?: unknown) => never;

/** An invocation number (`"0"`) or an inclusive range of them (`"1-2"`), counted from 0. */
const INVOCATIONS = /^(0|[1-9]\d*)(?:-(0|[1-9]\d*))?$/;

/** Loads a MockConfigFile (a path to the JSON, or the parsed object) and returns its test cases, matched to `workflows` by name. */
export function testCasesFromMockConfig(
  fileOrObject: string | MockConfigFile,
  { workflows }: { workflows: readonly Workflow[] },
): MockConfigTestCase[] {
  const source = typeof fileOrObject === 'string' ? fileOrObject : 'mock config';
  const fail: Fail = (place, problem, cause) => {
    throw new MockConfigError(source, place, problem, { cause });
  };
  const root = objectAt(typeof fileOrObject === 'string' ? readConfig(fileOrObject, fail) : fileOrObject, 'the top level', fail);
  const machines = objectAt(root.StateMachines, 'StateMachines', fail);
  const responses = new Map(
    Object.entries(root.MockedResponses === undefined ? {} : objectAt(root.MockedResponses, 'MockedResponses', fail)).map(
      ([name, response]) => [name, mockOf(response, `MockedResponses[${quoted(name)}]`, fail)] as const,
    ),
  );
  const byName = new Map(workflows.map((each) => [each.name, each] as const));
  return Object.entries(machines).flatMap(([machineName, machine]) => {
    const place = `StateMachines[${quoted(machineName)}]`;
    const workflow = byName.get(machineName);
    if (!workflow) return fail(place, `no workflow is named '${machineName}' (known: ${[...byName.keys()].join(', ') || 'none given'})`);
    const states = stateTypes(compile(workflow).definition);
    const testCases = objectAt(objectAt(machine, place, fail).TestCases, `${place}.TestCases`, fail);
    return Object.entries(testCases).map(([testCase, mocked]): MockConfigTestCase => {
      const casePlace = `${place}.TestCases[${quoted(testCase)}]`;
      const serviceMocks = Object.fromEntries(
        Object.entries(objectAt(mocked, casePlace, fail)).map(([stateName, responseName]) => {
          const statePlace = `${casePlace}[${quoted(stateName)}]`;
          const type = states.get(stateName);
          if (type === undefined)
            fail(statePlace, `${machineName} has no state named '${stateName}' (its Task states: ${taskNames(states).join(', ')})`);
          if (type !== 'Task')
            fail(statePlace, `'${stateName}' is a ${type} state: only Task states call a service, so only they can be mocked`);
          if (typeof responseName !== 'string') return fail(statePlace, 'must name a mocked response (a string)');
          const mock = responses.get(responseName);
          if (!mock)
            return fail(
              statePlace,
              `the mocked response '${responseName}' is not defined in MockedResponses (defined: ${[...responses.keys()].join(', ') || 'none'})`,
            );
          return [stateName, mock] as const;
        }),
      );
      return {
        stateMachine: machineName,
        testCase,
        name: `${machineName}#${testCase}`,
        workflow,
        serviceMocks,
        run: (options = {}) => testWorkflow(workflow, { ...options, serviceMocks }),
      };
    });
  });
}

function readConfig(path: string, fail: Fail): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return fail('the file', `cannot be read (${(error as Error).message})`, error);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    return fail('the file', `is not JSON (${(error as Error).message})`, error);
  }
}

/** A mocked response as a kit sequence: its ranges in invocation order, each answer repeated over its range. */
function mockOf(value: unknown, place: string, fail: Fail): TaskMock {
  const entries = Object.entries(objectAt(value, place, fail));
  if (entries.length === 0) fail(place, 'answers no invocation: give at least "0"');
  const ranges = entries
    .map(([key, invocation]) => {
      const match = INVOCATIONS.exec(key);
      if (!match) return fail(place, `'${key}' is neither an invocation number nor a range of them ("0", "1-2", …)`);
      const from = Number(match[1]);
      const to = match[2] === undefined ? from : Number(match[2]);
      if (to < from) fail(place, `the range '${key}' runs backwards (write '${to}-${from}')`);
      return { key, from, to, answer: answerOf(invocation, `${place}[${quoted(key)}]`, fail) };
    })
    .sort((a, b) => a.from - b.from);
  ranges.reduce((next, range, index) => {
    const previous = ranges[index - 1]?.key;
    if (range.from < next) fail(place, `'${previous}' and '${range.key}' overlap: both answer invocation ${range.from}`);
    if (range.from > next && index === 0) fail(place, `invocations are counted from 0, but the first one answered is '${range.key}'`);
    if (range.from > next) fail(place, `nothing answers invocation ${next}: there is a gap between '${previous}' and '${range.key}'`);
    return range.to + 1;
  }, 0);
  // The kit repeats a sequence's last answer, so the last range needs it only once.
  return {
    sequence: ranges.flatMap((range, index) =>
      new Array<MockAnswer<unknown>>(index === ranges.length - 1 ? 1 : range.to - range.from + 1).fill(range.answer),
    ),
  };
}

/** Return → `{ result }` (the service's whole response); Throw → `{ error, cause }`. */
function answerOf(value: unknown, place: string, fail: Fail): MockAnswer<unknown> {
  const invocation = objectAt(value, place, fail);
  const returns = 'Return' in invocation;
  const throws = 'Throw' in invocation;
  if (returns && throws) fail(place, 'has both Return and Throw: an invocation either returns or throws');
  if (!returns && !throws) fail(place, 'has neither Return nor Throw: give one');
  if (returns) return { result: invocation.Return };
  const thrown = objectAt(invocation.Throw, `${place}.Throw`, fail);
  if (typeof thrown.Error !== 'string' || thrown.Error === '') fail(`${place}.Throw`, 'needs an Error: the error name the task fails with');
  if (thrown.Cause !== undefined && typeof thrown.Cause !== 'string') fail(`${place}.Throw.Cause`, 'must be a string');
  return thrown.Cause === undefined ? { error: thrown.Error } : { error: thrown.Error, cause: thrown.Cause };
}

/** Every state of the definition by name, with its Type, including those inside Parallel branches and Map processors. */
function stateTypes(branch: StateMachineBranch): Map<string, string> {
  const types = new Map<string, string>();
  const visit = (scope: StateMachineBranch) => {
    for (const [name, state] of Object.entries(scope.States)) {
      types.set(name, state.Type);
      const nested = state as { Branches?: StateMachineBranch[]; ItemProcessor?: StateMachineBranch; Iterator?: StateMachineBranch };
      for (const each of [...(nested.Branches ?? []), nested.ItemProcessor ?? nested.Iterator]) if (each) visit(each);
    }
  };
  visit(branch);
  return types;
}

function taskNames(states: ReadonlyMap<string, string>): string[] {
  return [...states].filter(([, type]) => type === 'Task').map(([name]) => name);
}

function objectAt(value: unknown, place: string, fail: Fail): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return fail(place, `must be a JSON object, not ${value === undefined ? 'missing' : JSON.stringify(value)}`);
  return value as Record<string, unknown>;
}

const quoted = (name: string) => `'${name.replace(/'/g, "\\'")}'`;
