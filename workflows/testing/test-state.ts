/**
 * `testState(workflow, stateName, options)`: AWS's TestState on one state of a workflow, in
 * process. The workflow is compiled exactly as it deploys, its placeholders get the local stack's
 * values, and the state runs on the engine's TestState: unmocked `fn` tasks call their handlers,
 * a mock stands for any Task, Map or Parallel.
 * https://docs.aws.amazon.com/step-functions/latest/dg/test-state-isolation.html
 */
import type { JsonValue } from '../asl';
import { applySubstitutions, compile, type CompiledWorkflow, type Workflow } from '../dsl';
import { editDistance } from '../dsl/checks/closest-name';
import {
  DEFAULT_ACCOUNT_ID,
  DEFAULT_REGION,
  testState as runTestState,
  type InspectionErrorDetails,
  type InspectionLevel,
  type TaskHandler,
  type TestStateMock,
  type TestStateOutput,
  type TestStateRefusal,
} from '../engine';
import { localSubstitutionValues } from '../../cli/local/local-substitutions';

/** The tested state's result (any JSON value), or the error it fails with. */
export type StateTestMock = { result: unknown } | { error: string; cause?: string };

/** What the state is tested with. */
export type StateTestOptions = {
  /** The state's input. */
  input: unknown;
  /** Only for Task, Map and Parallel states (Map and Parallel need one). */
  mock?: StateTestMock;
  /** The workflow variables the state sees. */
  variables?: Readonly<Record<string, unknown>>;
  /** Laid over the context object TestState builds (only with a mock, as on AWS). */
  context?: Readonly<Record<string, unknown>>;
  /** INFO (default), DEBUG or TRACE: DEBUG adds the data-flow steps. */
  inspectionLevel?: InspectionLevel;
  /** Retries the matching retrier has already made (RETRIABLE until they run out). */
  retrierRetryCount?: number;
};

/** The inspection data with its JSON texts parsed. */
export type StateTestInspection = {
  input?: JsonValue;
  afterInputPath?: JsonValue;
  afterParameters?: JsonValue;
  afterArguments?: JsonValue;
  result?: JsonValue;
  afterResultSelector?: JsonValue;
  afterResultPath?: JsonValue;
  variables?: Record<string, JsonValue>;
  afterItemsPath?: JsonValue;
  errorDetails?: InspectionErrorDetails;
  maxConcurrency?: number;
  toleratedFailureCount?: number;
  toleratedFailurePercentage?: number;
};

/** TestState's answer with its output and inspection data parsed. */
export type StateTestResult = Omit<TestStateOutput, 'output' | 'inspectionData'> & {
  output?: JsonValue;
  inspectionData?: StateTestInspection;
};

/** A test that cannot run: an unknown state name, or TestState's refusal (`code` is AWS's exception). */
export class StateTestError extends Error {
  override readonly name = 'StateTestError';

  constructor(
    readonly code: 'UnknownState' | TestStateRefusal,
    message: string,
    readonly workflow: string,
    readonly stateName: string,
  ) {
    super(message);
  }
}

/** How many near names an unknown state name is answered with. */
const SUGGESTIONS = 3;
const ROLE_ARN = `arn:aws:iam::${DEFAULT_ACCOUNT_ID}:role/statecraft-test-state`;

/** Every state name of a branch, nested branches included. */
function stateNames(branch: { States: Record<string, unknown> }): string[] {
  return Object.entries(branch.States).flatMap(([name, state]) => {
    const { Branches, ItemProcessor, Iterator } = state as {
      Branches?: { States: Record<string, unknown> }[];
      ItemProcessor?: { States: Record<string, unknown> };
      Iterator?: { States: Record<string, unknown> };
    };
    const nested = [...(Branches ?? []), ...(ItemProcessor ? [ItemProcessor] : []), ...(Iterator ? [Iterator] : [])];
    return [name, ...nested.flatMap(stateNames)];
  });
}

function unknownState(compiled: CompiledWorkflow, stateName: string): StateTestError {
  const wanted = stateName.toLowerCase();
  const closest = stateNames(compiled.definition)
    .map((name) => ({ name, distance: editDistance(wanted, name.toLowerCase()) }))
    .sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name))
    .slice(0, SUGGESTIONS)
    .map(({ name }) => `'${name}'`);
  return new StateTestError(
    'UnknownState',
    `workflow '${compiled.name}' has no state '${stateName}'; the closest are ${closest.join(', ')}`,
    compiled.name,
    stateName,
  );
}

function mockOf(mock: StateTestMock | undefined): TestStateMock | undefined {
  if (!mock) return undefined;
  if ('error' in mock) return { errorOutput: { error: mock.error, cause: mock.cause } };
  return { result: JSON.stringify(mock.result) ?? 'null' };
}

function parse(text: string | undefined): JsonValue | undefined {
  return text === undefined ? undefined : (JSON.parse(text) as JsonValue);
}

function parsedInspection(data: TestStateOutput['inspectionData']): StateTestInspection | undefined {
  if (!data) return undefined;
  const { errorDetails, maxConcurrency, toleratedFailureCount, toleratedFailurePercentage, variables, ...texts } = data;
  const parsed: StateTestInspection = Object.fromEntries(Object.entries(texts).map(([key, text]) => [key, parse(text)]));
  if (variables !== undefined) parsed.variables = parse(variables) as Record<string, JsonValue>;
  return {
    ...parsed,
    ...(errorDetails && { errorDetails }),
    ...(maxConcurrency !== undefined && { maxConcurrency }),
    ...(toleratedFailureCount !== undefined && { toleratedFailureCount }),
    ...(toleratedFailurePercentage !== undefined && { toleratedFailurePercentage }),
  };
}

function handlersOf(compiled: CompiledWorkflow): Record<string, TaskHandler> {
  return Object.fromEntries(
    [...compiled.functions.values()].map(
      (fn) => [fn.name, (input: unknown, context) => fn.handler(input as never, { executionArn: context.executionArn })] as const,
    ),
  );
}

/** Tests state `stateName` of `workflow` as AWS's TestState would, in process. */
export async function testState<Input, Output>(
  workflow: Workflow<Input, Output>,
  stateName: string,
  options: StateTestOptions,
): Promise<StateTestResult> {
  const compiled = compile(workflow);
  if (!stateNames(compiled.definition).includes(stateName)) throw unknownState(compiled, stateName);
  const account = { region: DEFAULT_REGION, accountId: DEFAULT_ACCOUNT_ID };
  const definition = applySubstitutions(compiled.name, compiled.definition, localSubstitutionValues(compiled.substitutions, account));
  const result = await runTestState(
    {
      definition: JSON.stringify(definition),
      stateName,
      input: JSON.stringify(options.input) ?? 'null',
      variables: options.variables && JSON.stringify(options.variables),
      context: options.context && JSON.stringify(options.context),
      mock: mockOf(options.mock),
      inspectionLevel: options.inspectionLevel,
      roleArn: ROLE_ARN,
      stateConfiguration: options.retrierRetryCount === undefined ? undefined : { retrierRetryCount: options.retrierRetryCount },
    },
    { taskHandlers: handlersOf(compiled), ...account },
  );
  if (!result.ok)
    throw new StateTestError(result.code, `testState('${compiled.name}', '${stateName}'): ${result.message}`, compiled.name, stateName);
  const { output, inspectionData, ...rest } = result.value;
  const parsed: StateTestResult = { ...rest };
  if (output !== undefined) parsed.output = parse(output);
  const inspection = parsedInspection(inspectionData);
  if (inspection) parsed.inspectionData = inspection;
  return parsed;
}
