/**
 * The chain builder: each method adds one state after the current one and returns a chain whose
 * data type is that state's output, so the next state's paths are checked against it.
 */
import type { QueryLanguage } from '../asl';
import { approvalFields, APPROVAL_REJECTED_ERROR, type ApproverPolicy } from './build/approval-fields';
import { buildChoice, type ChoiceBuilder } from './build/choice-builder';
import { commonFields, durationField } from './build/common-fields';
import { buildMap, type MapItem, type MapOptions, type Processor } from './build/map-fields';
import { buildParallel, type Branch, type BranchOutputs } from './build/parallel-fields';
import type { Scope } from './build/scope';
import { fillSlot, type DraftFields, type Slot, type StateDraft } from './build/state-draft';
import { LAMBDA_SERVICE_ERRORS, taskTargetFields } from './build/task-fields';
import type { CheckedOptions } from './check-options';
import type { Duration } from './duration';
import type { ServiceIntegration } from './integrations/service-integration';
import { toRetrier, type RetryPolicy } from './retry-policy';
import { callerLocation, captureLocation, NO_LOCATION, type LazyLocation } from './source-location';
import type {
  AfterInputPath,
  CommonOptions,
  ErrorOutput,
  InputOutputOptions,
  JsonataOptions,
  ResultPathOption,
  StateOutput,
} from './step-options';
import { isTaskFunction, type TaskFunction } from './task-function';
import type { ResolveTemplate, TemplateShape } from './template';
import type { PathOf, SetAt, ValueAt } from './type-paths';

/** A chain that cannot continue: it ended in Succeed, Fail or a goto. */
export type Ended = { readonly ended: true };

type PassOptions<T> = CommonOptions &
  InputOutputOptions<T> &
  JsonataOptions & {
    result?: unknown;
    parameters?: TemplateShape;
    resultPath?: ResultPathOption;
  };
type PassResult<T, O> = O extends { result: infer R }
  ? R
  : O extends { parameters: infer P }
    ? ResolveTemplate<AfterInputPath<T, O>, P>
    : AfterInputPath<T, O>;

type TaskOptions<T> = CommonOptions &
  InputOutputOptions<T> &
  JsonataOptions & {
    parameters?: TemplateShape;
    arguments?: unknown;
    resultSelector?: TemplateShape;
    resultPath?: ResultPathOption;
    timeout?: Duration;
    heartbeat?: Duration;
    timeoutPath?: string;
    heartbeatPath?: string;
    /** Retry transient Lambda service errors (default true for `fn` tasks, as the AWS console does). */
    retryServiceErrors?: boolean;
  };
/** What a task's handler receives: its input after InputPath and Parameters. */
type TaskInput<T, O> = O extends { parameters: infer P } ? ResolveTemplate<AfterInputPath<T, O>, P> : AfterInputPath<T, O>;
/** What a task produces before ResultPath: a `fn`'s return value, unwrapped from `Payload` where possible. */
type TaskResult<R, O, IsFunction> = O extends { resultSelector: infer S }
  ? ResolveTemplate<IsFunction extends true ? LambdaInvokeResult<R> : R, S>
  : IsFunction extends true
    ? O extends { resultPath: `$.${string}` }
      ? { Payload: R }
      : R
    : R;
/** The full result of arn:aws:states:::lambda:invoke. */
export type LambdaInvokeResult<R> = { Payload: R; StatusCode: number; ExecutedVersion: string };

type WaitOptions<T> = CommonOptions &
  InputOutputOptions<T> &
  JsonataOptions &
  (
    | { seconds: Duration | `{%${string}%}` }
    | { secondsPath: PathOf<T> | (string & {}) }
    | { timestamp: string }
    | { timestampPath: PathOf<T> | (string & {}) }
  );

type ApprovalOptions<T> = CommonOptions & {
  approvers: ApproverPolicy;
  message: string;
  timeout: Duration;
  /** The path of the data the approver sees (default `$`, all of it). */
  context?: PathOf<T> | (string & {});
  resultPath?: ResultPathOption;
};
/** An approver's decision, the approval task's result. */
export type ApprovalDecision = { approved: boolean; decidedBy: string; comment?: string };
type ApprovalOut<T, O> = O extends { resultPath: infer P extends string | null }
  ? SetAt<T, P, ApprovalDecision>
  : SetAt<T, '$.approval', ApprovalDecision>;

type ChoiceOptions<T> = CommonOptions & InputOutputOptions<T> & { assign?: Record<string, unknown> };
type SucceedOptions<T> = CommonOptions & InputOutputOptions<T> & { output?: unknown };

type CatchOptions = { resultPath?: ResultPathOption; output?: unknown; assign?: Record<string, unknown>; comment?: string };
type CatchInput<In, O> = O extends { resultPath: infer P extends string | null } ? SetAt<In, P, ErrorOutput> : ErrorOutput;
type Continuation<In, U> = ((steps: Steps<In>) => Steps<U> | Ended) | string;

export class Steps<T, In = unknown> {
  /** @internal Use `workflow(...)` to start a chain. */
  constructor(
    readonly scope: Scope,
    readonly ends: readonly Slot[],
    readonly last?: StateDraft,
    readonly terminal?: StateDraft,
  ) {}

  /** A Pass state: passes its input on, or a fixed `result`, or `parameters` built from the input. */
  pass<const O extends CheckedOptions<T, O, PassOptions<T>, unknown, PassResult<T, O>> = {}>(
    name: string,
    options?: O,
  ): Steps<StateOutput<T, O, PassResult<T, O>>, T> {
    const o: PassOptions<T> = options ?? {};
    return this.add(name, { Type: 'Pass', ...this.common(o), Result: o.result, Parameters: o.parameters }, this.here());
  }

  /** A Task state calling a `fn` handler, a service integration, or any resource ARN. */
  task<
    const O extends CheckedOptions<T, O, TaskOptions<T>, RawResult<X>, TargetResult<X, O>> = {},
    X extends TaskTarget<TaskInput<T, O>> = TaskTarget<TaskInput<T, O>>,
  >(name: string, target: X, options?: O): Steps<StateOutput<T, O, TargetResult<X, O>>, T> {
    const o: TaskOptions<T> = options ?? {};
    const location = this.here();
    const language = this.language(o.queryLanguage);
    const fields: DraftFields = { Type: 'Task', ...this.common(o) };
    const target$ = taskTargetFields(target, o, language, this.scope.context);
    Object.assign(fields, target$);
    if (target$.OutputPath === undefined) fields.OutputPath = o.outputPath;
    const report = (message: string) =>
      this.scope.context.report({ statePath: [...this.scope.ownerPath, name], location: location() }, 'invalid-duration', message);
    fields.TimeoutSeconds = durationField(o.timeout, 'timeout', report);
    fields.HeartbeatSeconds = durationField(o.heartbeat, 'heartbeat', report);
    fields.TimeoutSecondsPath = o.timeoutPath;
    fields.HeartbeatSecondsPath = o.heartbeatPath;
    if (isTaskFunction(target) && o.retryServiceErrors !== false) {
      fields.Retry = [{ ErrorEquals: [...LAMBDA_SERVICE_ERRORS], IntervalSeconds: 1, MaxAttempts: 3, BackoffRate: 2 }];
    }
    return this.add(name, fields, location);
  }

  /** A manual approval: waits for an allowed approver's decision; fails on rejection or expiry unless handled. */
  approval<const O extends CheckedOptions<T, O, ApprovalOptions<T>>>(name: string, options: O): ApprovalSteps<ApprovalOut<T, O>, T> {
    const location = this.here();
    const report = (message: string) =>
      this.scope.context.report({ statePath: [...this.scope.ownerPath, name], location: location() }, 'invalid-duration', message);
    const timeoutSeconds = durationField(options.timeout, 'timeout', report);
    const language = this.language(undefined);
    const fields: DraftFields = {
      Type: 'Task',
      Comment: options.comment,
      ...approvalFields(this.scope.context.workflow, { ...options, timeoutSeconds }, language, this.scope.context),
      ResultPath: language === 'JSONPath' ? (options.resultPath === undefined ? '$.approval' : options.resultPath) : undefined,
      Output: language === 'JSONata' ? '{% $merge([$states.input, {"approval": $states.result}]) %}' : undefined,
      TimeoutSeconds: timeoutSeconds,
    };
    const next = this.add(name, fields, location);
    return new ApprovalSteps(next.scope, next.ends, next.last);
  }

  /** A Wait state: for a duration, until a timestamp, or either read from the input. */
  wait<const O extends CheckedOptions<T, O, WaitOptions<T>, unknown, AfterInputPath<T, O>>>(name: string, waitOptions: O): Steps<T, T> {
    const options: WaitOptions<T> = waitOptions;
    const location = this.here();
    const report = (message: string) =>
      this.scope.context.report({ statePath: [...this.scope.ownerPath, name], location: location() }, 'invalid-duration', message);
    const seconds = 'seconds' in options ? options.seconds : undefined;
    const fields: DraftFields = {
      Type: 'Wait',
      ...this.common(options),
      Seconds:
        typeof seconds === 'string' && seconds.startsWith('{%')
          ? seconds
          : durationField(seconds as Duration | undefined, 'seconds', report),
      SecondsPath: 'secondsPath' in options ? options.secondsPath : undefined,
      Timestamp: 'timestamp' in options ? options.timestamp : undefined,
      TimestampPath: 'timestampPath' in options ? options.timestampPath : undefined,
    };
    return this.add(name, fields, location);
  }

  /** A Choice state: the first matching rule's branch runs; branches that do not end rejoin here. */
  choice<U, const O extends CheckedOptions<T, O, ChoiceOptions<T>, unknown, AfterInputPath<T, O>> = {}>(
    name: string,
    build: (choice: ChoiceBuilder<T>) => ChoiceBuilder<T, U>,
    options?: O,
  ): Steps<U, T> {
    const draft = this.append(name, { Type: 'Choice', ...this.common(options ?? {}) }, this.here());
    return new Steps(
      this.scope,
      buildChoice(this.scope, draft, build, (slot, next) => this.follow(slot, next)),
      draft,
    );
  }

  /** A Parallel state: every branch gets the input; the result is the array of branch outputs. */
  parallel<
    const B extends readonly Branch<T>[],
    const O extends CheckedOptions<T, O, TaskOptionsWithoutTimeouts<T>, BranchOutputs<B>, BranchOutputs<B>> = {},
  >(name: string, branches: B, options?: O): Steps<StateOutput<T, O, BranchOutputs<B>>, T> {
    const o: TaskOptionsWithoutTimeouts<T> = options ?? {};
    const draft = this.append(name, { Type: 'Parallel', ...this.common(o), Parameters: o.parameters, Arguments: o.arguments }, this.here());
    buildParallel(this.scope, draft, branches, this.language(o.queryLanguage), startChain);
    return this.after(draft);
  }

  /** A Map state: runs `processor` for each item, up to `maxConcurrency` at once; the result is the array of outputs. */
  map<const O extends CheckedOptions<T, O, MapOptions<T>, R[], R[]>, R = unknown>(
    name: string,
    options: O,
    processor: Processor<MapItem<AfterInputPath<T, O>, O>, R>,
  ): Steps<StateOutput<T, O, R[]>, T> {
    const draft = this.append(name, { Type: 'Map', ...this.common(options) }, this.here());
    buildMap(this.scope, draft, options, processor, this.language(options.queryLanguage), startChain);
    return this.after(draft);
  }

  /** A Succeed state: ends the workflow (or the branch) successfully. */
  succeed<const O extends CheckedOptions<T, O, SucceedOptions<T>, unknown, AfterInputPath<T, O>> = {}>(name: string, options?: O): Ended {
    const draft = this.append(name, { Type: 'Succeed', ...this.common(options ?? {}) }, this.here());
    return new Steps(this.scope, [], draft, draft) as unknown as Ended;
  }

  /** A Fail state: ends the workflow (or the branch) with an error name and cause. */
  fail(name: string, options: CommonOptions & { error?: string; cause?: string; errorPath?: string; causePath?: string } = {}): Ended {
    const fields: DraftFields = {
      Type: 'Fail',
      Comment: options.comment,
      Error: options.error,
      Cause: options.cause,
      ErrorPath: options.errorPath,
      CausePath: options.causePath,
    };
    const draft = this.append(name, fields, this.here());
    return new Steps(this.scope, [], draft, draft) as unknown as Ended;
  }

  /** Continues at an existing state of the same scope (loops, shared endings). */
  goto(stateName: string): Ended {
    const location = callerLocation();
    if (this.terminal) this.reportAfterTerminal(stateName, location);
    for (const slot of this.ends) fillSlot(slot, stateName, location);
    return new Steps(this.scope, [], this.last, this.last) as unknown as Ended;
  }

  /** Retries the last state on matching errors (Task, Parallel and Map states only). */
  retry(...policies: RetryPolicy[]): Steps<T, In> {
    const last = this.requireLast('retry');
    const report = (message: string) => this.scope.context.report(last, 'invalid-retry', message);
    const retriers = (last.fields.Retry as unknown[] | undefined) ?? [];
    last.fields.Retry = [...retriers, ...policies.map((policy) => toRetrier(policy, report))];
    return this;
  }

  /** Catches matching errors of the last state and continues with `handler` (which may rejoin the chain). */
  catch<const O extends CheckedOptions<In, O, CatchOptions> = {}, U = never>(
    errors: readonly string[],
    handler: Continuation<CatchInput<In, O>, U>,
    options?: O,
  ): Steps<T | U, In> {
    const last = this.requireLast('catch');
    const o: CatchOptions = options ?? {};
    const catcher: DraftFields = {
      ErrorEquals: [...errors],
      ResultPath: o.resultPath,
      Output: o.output,
      Assign: o.assign,
      Comment: o.comment,
    };
    last.fields.Catch = [...((last.fields.Catch as unknown[] | undefined) ?? []), catcher];
    const slot: Slot = { kind: 'catch', draft: last, catcher };
    return new Steps(this.scope, [...this.ends, ...this.follow(slot, handler)], last);
  }

  /** @internal Runs a continuation from `slot`: a state name to jump to, or a branch builder. */
  follow(slot: Slot, continuation: Continuation<never, unknown>): Slot[] {
    if (typeof continuation === 'string') {
      fillSlot(slot, continuation, callerLocation());
      return [];
    }
    const branch = continuation(new Steps<never>(this.scope, [slot]));
    return [...(branch as Steps<unknown>).ends];
  }

  protected add<U>(name: string, fields: DraftFields, location: LazyLocation): Steps<U, T> {
    return this.after(this.append(name, fields, location));
  }

  private after<U>(draft: StateDraft): Steps<U, T> {
    return new Steps(this.scope, [{ kind: 'next', draft }], draft);
  }

  private append(name: string, fields: DraftFields, location: LazyLocation): StateDraft {
    const draft = this.scope.add(name, fields, location);
    if (typeof name !== 'string' || name.length === 0 || name.length > 80) {
      this.scope.context.report(draft, 'invalid-state-name', 'state names must be 1 to 80 characters long');
    }
    if (this.terminal) this.reportAfterTerminal(name, location());
    for (const slot of this.ends) fillSlot(slot, name, location);
    return draft;
  }

  private reportAfterTerminal(name: string, location: string | undefined): void {
    const terminal = this.terminal as StateDraft;
    const kind =
      terminal.fields.Type === 'Succeed' || terminal.fields.Type === 'Fail' ? `a ${String(terminal.fields.Type)} state` : 'a goto';
    this.scope.context.report(
      { statePath: [...this.scope.ownerPath, name], location },
      'continues-after-terminal',
      `'${name}' follows '${terminal.name}', which is ${kind}: nothing can come after it`,
    );
  }

  private requireLast(method: string): StateDraft {
    if (this.last) return this.last;
    const owner = { statePath: this.scope.ownerPath, location: callerLocation() };
    this.scope.context.report(owner, 'nothing-to-' + method, `.${method}() needs a state before it`);
    return this.scope.add(`(${method} without a state)`, {}, owner.location);
  }

  /** Where the user's builder call is; captured only when the compile needs locations (see compile). */
  private here(): LazyLocation {
    return this.scope.context.capturesLocations ? captureLocation() : NO_LOCATION;
  }

  private language(override: QueryLanguage | undefined): QueryLanguage {
    return override ?? this.scope.queryLanguage;
  }

  private common(options: Parameters<typeof commonFields>[0]): DraftFields {
    return commonFields(options, this.scope.queryLanguage);
  }
}

/** The chain after an approval: `.onRejected()` and `.onExpired()` catch its two ways of failing. */
export class ApprovalSteps<T, In> extends Steps<T, In> {
  /** Continues with `handler` when an approver rejects; the decision is at `$.approval`. */
  onRejected<U = never>(handler: Continuation<SetAt<In, '$.approval', ErrorOutput>, U>): ApprovalSteps<T | U, In> {
    const next = this.catch([APPROVAL_REJECTED_ERROR], handler, this.decisionPlacement() as never);
    return new ApprovalSteps(next.scope, next.ends, next.last);
  }

  /** Continues with `handler` when nobody decides before the timeout. */
  onExpired<U = never>(handler: Continuation<SetAt<In, '$.approval', ErrorOutput>, U>): ApprovalSteps<T | U, In> {
    const next = this.catch(['States.Timeout'], handler, this.decisionPlacement() as never);
    return new ApprovalSteps(next.scope, next.ends, next.last);
  }

  /** The error goes to `$.approval`, like a decision does. */
  private decisionPlacement(): { resultPath: '$.approval' } {
    if (this.scope.queryLanguage === 'JSONata') {
      return { output: '{% $merge([$states.input, {"approval": $states.errorOutput}]) %}' } as never;
    }
    return { resultPath: '$.approval' };
  }
}

/** A new chain at the start of a Parallel branch or Map processor. */
function startChain(scope: Scope): Steps<never> {
  return new Steps<never>(scope, [{ kind: 'start', scope: scope.start }]);
}

/** What a task can call: a `fn` handler accepting `Input`, a service integration, or a resource ARN. */
type TaskTarget<Input> = TaskFunction<Input, unknown> | ServiceIntegration<unknown> | string;
/** A task's result before ResultPath, by kind of target. */
type TargetResult<X, O> =
  X extends TaskFunction<never, infer R>
    ? TaskResult<R, O, true>
    : X extends ServiceIntegration<infer R>
      ? TaskResult<R, O, false>
      : unknown;
/** A task's result as ResultSelector sees it: the whole Lambda invoke response for a `fn`. */
type RawResult<X> = X extends TaskFunction<never, infer R> ? LambdaInvokeResult<R> : X extends ServiceIntegration<infer R> ? R : unknown;
type TaskOptionsWithoutTimeouts<T> = CommonOptions &
  InputOutputOptions<T> &
  JsonataOptions & {
    parameters?: TemplateShape;
    arguments?: unknown;
    resultSelector?: TemplateShape;
    resultPath?: ResultPathOption;
  };
export type { ValueAt };
