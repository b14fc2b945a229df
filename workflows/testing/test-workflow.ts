/**
 * `testWorkflow(workflow, options)`: runs exactly the ASL `compile()` produces (and so deploys) on the
 * in-memory engine with a virtual clock, so waits, retries, timeouts, heartbeats and approval
 * expiries elapse instantly. Tasks run their real handlers unless mocked; approvals are decided by
 * state name as the product's approval path would; DynamoDB tasks use in-memory tables; child
 * workflows run too. Resolves to the run; rejects with a sentence when the test itself is wrong
 * (an approval reached with no decision given, an unmocked task in strict mode, four-eyes broken).
 */
import type { JsonValue } from '../asl';
import { APPROVAL_REQUEST_FUNCTION } from '../asl/approval-contract';
import { applySubstitutions, compile, type AnyTaskFunction, type CompiledWorkflow, type Workflow } from '../dsl';
import { Engine, MemoryExecutionStore, settle, StatesError, VirtualClock, type TaskHandler, type TaskIntegration } from '../engine';
import { localSubstitutionValues, stateMachineArn } from '../../cli/local/local-substitutions';
import { DEFAULT_ACCOUNT_ID, DEFAULT_REGION } from '../local-defaults';
import { decideApproval, type ApprovalDecisionMock } from './approval-decisions';
import { recordCoverage } from './coverage';
import { answerFor, delayMs, isFunctionMock, MockedTaskError, settleAnswer, type FunctionMock, type TaskMock } from './task-mocks';
import { startWorkflowTables, type TestTable, type WorkflowTables } from './workflow-tables';
import { workflowRun, type WorkflowRun } from './workflow-run';

export type TestWorkflowOptions<Input> = {
  /** The run's input (default: the workflow's example). */
  input?: Input;
  /** Answers by state name: `{ result }`, `{ result: (input) => … }`, `{ error, cause }`, `{ delay }`, `{ sequence }`, or `mockFn(fn, …)` for a typed one. */
  mocks?: Readonly<Record<string, TaskMock | FunctionMock>>;
  /** Answers by `fn`, wherever it is called (`mockFn(fn, …)`: typed against the handler's output). */
  fnMocks?: readonly FunctionMock[];
  /**
   * Answers by state name with the service's whole response, for any Task (a Lambda invoke answers
   * `{ StatusCode, Payload }`), as Step Functions Local's MockConfigFile does; a callback task
   * (`.waitForTaskToken`) gets the answer as its callback.
   */
  serviceMocks?: Readonly<Record<string, TaskMock>>;
  /** Decisions by approval state name: `{ approve: true, by }`, `{ approve: false, by, reason }` or `{ expire: true }`. */
  approvals?: Readonly<Record<string, ApprovalDecisionMock>>;
  /** Who started the run: an approval decided by the same person is refused unless the step allows it (four-eyes). */
  startedBy?: string;
  /** Make an unmocked `fn` task a failure of the test instead of calling its handler. */
  strict?: boolean;
  /** The DynamoDB tables the workflow uses, with the items they start with. */
  tables?: readonly TestTable[];
  /** Workflows this one starts, when they are not reachable from it (by default each `startWorkflow` target runs). */
  workflows?: readonly Workflow[];
  /** Where virtual time starts (default 2024-01-01T00:00:00Z). */
  startTime?: Date;
  /** Draws in [0, 1) for FULL retry jitter and alias routing (default Math.random): pin it to make jittered waits exact. */
  random?: () => number;
};

/** The run, with the tables as the run left them. */
export type TestedRun<Output> = WorkflowRun<Output> & { tables: Readonly<Record<string, Record<string, unknown>[]>> };

const ROLE_ARN = `arn:aws:iam::${DEFAULT_ACCOUNT_ID}:role/statecraft-test`;
/** Longest a Standard execution may run (a year), in virtual time. */
const MAX_VIRTUAL_MS = 366 * 24 * 3600 * 1000;
/** Real time a run may sit with nothing to do before the test is told what it waits for. */
const STUCK_MS = 2000;

/** Runs `workflow` to its end in virtual time. */
export async function testWorkflow<Input, Output>(
  workflow: Workflow<Input, Output>,
  options: TestWorkflowOptions<Input> = {},
): Promise<TestedRun<Output>> {
  const compiled = compileTree(workflow as Workflow<never, unknown>, (options.workflows ?? []) as readonly Workflow<never, unknown>[]);
  const root = compiled.get(workflow.name) as CompiledWorkflow;
  const problems: string[] = [];
  const clock = new VirtualClock({ start: options.startTime?.getTime() });
  const virtualWaits = { count: 0 };
  const mocks = mockIndex(compiled, options);
  // The engine resolves a Task's integration on every attempt, so attempts are counted here, per run.
  const serviceAttempts = new Map<string, number>();
  const tables = await startWorkflowTables([...compiled.values()], options.tables ?? []);
  let engine: Engine | undefined;
  try {
    const decide = (token: string, stateName: string, payload: unknown) => {
      const problem = decideApproval({
        engine: engine as Engine,
        clock,
        token,
        stateName,
        payload,
        decisions: options.approvals ?? {},
        startedBy: options.startedBy,
      });
      if (problem) problems.push(problem);
    };
    engine = new Engine({
      store: new MemoryExecutionStore(),
      clock,
      region: DEFAULT_REGION,
      accountId: DEFAULT_ACCOUNT_ID,
      random: options.random,
      dynamodb: tables.items,
      taskHandlers: handlersOf(compiled, mocks, { strict: options.strict ?? false, problems, clock, virtualWaits, decide }),
      wrapIntegration: (integration) =>
        mockedIntegration(integration, mocks, { clock, virtualWaits, engine: () => engine as Engine, attempts: serviceAttempts }),
    });
    for (const each of compiled.values()) deploy(engine, clock, each);
    const started = engine.startExecution({
      stateMachineArn: arnOf(workflow.name),
      input: JSON.stringify(options.input ?? workflow.options.example),
      name: 'test-run',
    });
    if (!started.ok) throw new Error(`the run could not start: ${started.message}`);
    const record = await runToEnd(engine, clock, started.value.record.arn, virtualWaits, problems);
    const events = engine.history(record.arn);
    recordCoverage(root, events);
    // Child runs count too: a startWorkflow child towards its own workflow, a distributed Map's
    // iterations (named `<workflow>/<label>`, their states those of the Map's processor) towards the workflow of the Map.
    for (const child of engine.store.listExecutions()) {
      const owner = compiled.get(child.mapRunArn ? child.stateMachineName.split('/')[0] : child.stateMachineName);
      if (child.arn !== record.arn && owner) recordCoverage(owner, engine.history(child.arn));
    }
    const run = workflowRun<Output>(record, events);
    return { ...run, tables: await tables.snapshot() };
  } finally {
    await engine?.close();
    await tables.stop();
  }
}

/** The workflow and every workflow it starts (given or reachable through `startWorkflow`), compiled. */
function compileTree(workflow: Workflow<never, unknown>, given: readonly Workflow<never, unknown>[]): Map<string, CompiledWorkflow> {
  const known = new Map(given.map((each) => [each.name, each]));
  const compiled = new Map<string, CompiledWorkflow>();
  const visit = (each: Workflow<never, unknown>) => {
    if (compiled.has(each.name)) return;
    const result = compiledOf(each);
    compiled.set(each.name, result);
    for (const [name, child] of result.children) {
      const target = known.get(name) ?? (isWorkflow(child) ? child : undefined);
      if (target) visit(target);
    }
  };
  visit(workflow);
  return compiled;
}

/** Compiling is the slow part of a test run and a workflow compiles the same every time: once per workflow object. */
const compileCache = new WeakMap<Workflow<never, unknown>, CompiledWorkflow>();

function compiledOf(workflow: Workflow<never, unknown>): CompiledWorkflow {
  let compiled = compileCache.get(workflow);
  if (!compiled) {
    // Runs need the ASL, not asl-validator's second opinion (statecraft compile and the deploy give it).
    compiled = compile(workflow, { aslValidator: false });
    compileCache.set(workflow, compiled);
  }
  return compiled;
}

function isWorkflow(value: { readonly name: string }): value is Workflow<never, unknown> {
  return typeof (value as Partial<Workflow>).build === 'function';
}

const arnOf = (name: string) => stateMachineArn(name, { region: DEFAULT_REGION, accountId: DEFAULT_ACCOUNT_ID });

function deploy(engine: Engine, clock: VirtualClock, compiled: CompiledWorkflow): void {
  const definition = applySubstitutions(
    compiled.name,
    compiled.definition,
    localSubstitutionValues(compiled.substitutions, { region: DEFAULT_REGION, accountId: DEFAULT_ACCOUNT_ID }),
  );
  engine.store.putStateMachine({
    arn: arnOf(compiled.name),
    name: compiled.name,
    type: compiled.type,
    definition: JSON.stringify(definition),
    roleArn: ROLE_ARN,
    createdAt: clock.now(),
  });
}

type MockIndex = {
  byState: ReadonlyMap<string, TaskMock>;
  byFunction: ReadonlyMap<string, TaskMock>;
  byService: ReadonlyMap<string, TaskMock>;
};

/** The mocks by state and by function name; a mock naming a state no workflow has is a mistake worth saying. */
function mockIndex(
  compiled: ReadonlyMap<string, CompiledWorkflow>,
  options: Pick<TestWorkflowOptions<unknown>, 'mocks' | 'fnMocks' | 'serviceMocks'>,
): MockIndex {
  const stateNames = new Set([...compiled.values()].flatMap((each) => allStateNames(each.definition.States as Record<string, unknown>)));
  const byName = (field: string, given: Readonly<Record<string, TaskMock | FunctionMock>> = {}) =>
    new Map(
      Object.entries(given).map(([name, mock]) => {
        if (!stateNames.has(name))
          throw new Error(`${field} names '${name}', but no state has that name (states: ${[...stateNames].join(', ')})`);
        return [name, isFunctionMock(mock) ? mock.mock : mock] as const;
      }),
    );
  const byFunction = new Map((options.fnMocks ?? []).map((each) => [each.fn.name, each.mock] as const));
  return { byState: byName('mocks', options.mocks), byFunction, byService: byName('serviceMocks', options.serviceMocks) };
}

function allStateNames(states: Record<string, unknown>): string[] {
  return Object.entries(states).flatMap(([name, state]) => {
    const { Branches, ItemProcessor, Iterator } = state as {
      Branches?: { States: Record<string, unknown> }[];
      ItemProcessor?: { States: Record<string, unknown> };
      Iterator?: { States: Record<string, unknown> };
    };
    const nested = [...(Branches ?? []), ...[ItemProcessor ?? Iterator].filter((each) => each !== undefined)];
    return [name, ...nested.flatMap((scope) => allStateNames(scope.States))];
  });
}

type HandlerSettings = {
  strict: boolean;
  problems: string[];
  clock: VirtualClock;
  virtualWaits: { count: number };
  decide: (token: string, stateName: string, payload: unknown) => void;
};

/** A handler per `fn`: the state's mock, else the function's mock, else the real handler (or, strict, a problem). */
function handlersOf(
  compiled: ReadonlyMap<string, CompiledWorkflow>,
  mocks: MockIndex,
  settings: HandlerSettings,
): Record<string, TaskHandler> {
  const functions = new Map<string, AnyTaskFunction>([...compiled.values()].flatMap((each) => [...each.functions]));
  const attempts = new Map<string, number>();
  const handlers: Record<string, TaskHandler> = {};
  for (const [name, fn] of functions) {
    handlers[name] = async (payload, context) => {
      const mock = mocks.byState.get(context.stateName) ?? mocks.byFunction.get(name);
      if (!mock) {
        if (settings.strict) {
          settings.problems.push(
            `strict: '${context.stateName}' calls ${name}, which has no mock (add mocks: { '${context.stateName}': { result: … } } or fnMocks: [mockFn(…)])`,
          );
          throw new Error('unmocked task in strict mode');
        }
        return fn.handler(payload as never, { remainingTimeMs: () => Number.MAX_SAFE_INTEGER });
      }
      const key = `${context.executionArn}\u0000${context.stateName}`;
      const attempt = (attempts.get(key) ?? 0) + 1;
      attempts.set(key, attempt);
      return answer(mock, attempt, payload, `'${context.stateName}'`, settings, context.signal);
    };
  }
  handlers[APPROVAL_REQUEST_FUNCTION] = (payload, context) => {
    if (context.taskToken) settings.decide(context.taskToken, context.stateName, payload);
    return {};
  };
  return handlers;
}

/**
 * Mocked states answer at the integration: service mocks for any Task, state mocks for Tasks other
 * than `fn` ones (those are mocked at their handler, so the Lambda response wraps the result).
 */
function mockedIntegration(
  integration: TaskIntegration,
  mocks: MockIndex,
  settings: { clock: VirtualClock; virtualWaits: { count: number }; engine: () => Engine; attempts: Map<string, number> },
): TaskIntegration {
  const { attempts } = settings;
  const isHandlerCall = integration.resourceType === 'lambda' || integration.flavour === 'lambda';
  return {
    ...integration,
    invoke: async (invocation) => {
      const mock = mocks.byService.get(invocation.stateName) ?? (isHandlerCall ? undefined : mocks.byState.get(invocation.stateName));
      if (!mock) return integration.invoke(invocation);
      const key = `${invocation.executionArn}\u0000${invocation.stateName}`;
      const attempt = (attempts.get(key) ?? 0) + 1;
      attempts.set(key, attempt);
      const { taskToken } = invocation;
      if (integration.pattern !== 'callback' || taskToken === undefined) {
        try {
          return (await answer(
            mock,
            attempt,
            invocation.parameters,
            `'${invocation.stateName}'`,
            settings,
            invocation.signal,
          )) as JsonValue;
        } catch (error) {
          // A service fails a task with its own error name (a Lambda handler's error goes through Lambda's error JSON instead).
          throw error instanceof MockedTaskError ? new StatesError(error.name, error.message) : error;
        }
      }
      // A callback task: the answer is what the callback brings, after the delay (so a slow one trips HeartbeatSeconds or TimeoutSeconds).
      const chosen = answerFor(mock, attempt);
      const outcome = await settleAnswer(chosen, invocation.parameters).then(
        (output) => ({ status: 'succeeded' as const, output: (output ?? null) as JsonValue }),
        (error: Error) => ({ status: 'failed' as const, error: error.name, cause: error.message }),
      );
      settings.clock.setTimer(settings.clock.now() + delayMs(chosen, `'${invocation.stateName}'`), () =>
        settings.engine().sendTaskCallback(taskToken, { kind: 'outcome', outcome }),
      );
      return {};
    },
  };
}

/** Waits the answer's delay in virtual time (abandoned when the task is cancelled), then settles it. */
async function answer(
  mock: TaskMock,
  attempt: number,
  input: unknown,
  where: string,
  settings: { clock: VirtualClock; virtualWaits: { count: number } },
  signal: AbortSignal,
): Promise<unknown> {
  const chosen = answerFor(mock, attempt);
  const wait = delayMs(chosen, where);
  if (wait > 0) {
    settings.virtualWaits.count += 1;
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = settings.clock.setTimer(settings.clock.now() + wait, resolve);
        signal.addEventListener(
          'abort',
          () => {
            timer.cancel();
            reject(signal.reason instanceof Error ? signal.reason : new Error('cancelled'));
          },
          { once: true },
        );
      });
    } finally {
      settings.virtualWaits.count -= 1;
    }
  }
  return settleAnswer(chosen, input);
}

/**
 * Drives the run: lets the engine work, and when nothing real is in progress (no handler doing I/O;
 * a mock's delay is virtual), jumps virtual time to the next timer.
 */
async function runToEnd(engine: Engine, clock: VirtualClock, arn: string, virtualWaits: { count: number }, problems: string[]) {
  const startedAt = clock.now();
  let idleSince: number | undefined;
  for (;;) {
    await settle();
    if (problems.length > 0) {
      await engine.stopExecution(arn, 'Statecraft.TestProblem', problems[0]);
      throw new Error(problems.join('\n'));
    }
    const record = engine.store.getExecution(arn);
    if (!record) throw new Error(`no execution ${arn}`);
    if (record.status !== 'RUNNING') return record;
    if (clock.now() - startedAt > MAX_VIRTUAL_MS)
      throw new Error('the run was still going after a year of virtual time (a Standard execution would have timed out)');
    const realWork = engine.tasksInFlight > virtualWaits.count;
    if (realWork || clock.pendingTimers === 0) {
      if (!realWork) {
        idleSince ??= Date.now();
        if (Date.now() - idleSince > STUCK_MS)
          throw new Error(
            `the run is waiting for something nothing will send (no timer, no task running); path so far: ${runPath(engine, arn)}`,
          );
      }
      await new Promise((resolve) => setImmediate(resolve));
      continue;
    }
    idleSince = undefined;
    await clock.runAll(1);
  }
}

function runPath(engine: Engine, arn: string): string {
  return engine
    .history(arn)
    .filter((event) => event.type.endsWith('StateEntered'))
    .map((event) => String((event.details as { name?: unknown }).name))
    .join(' → ');
}

export type { WorkflowTables };
