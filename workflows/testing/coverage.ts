/**
 * Workflow coverage: across a process's test runs, which states were entered, which Choice rules and
 * defaults taken, which Catch and Retry arms exercised. Each run adds what its history shows; with
 * STATECRAFT_COVERAGE_DIR set (by `statecraft test`), each run is also appended there as a JSON line,
 * since jest runs test files in separate workers.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { StateMachine } from '../asl';
import type { CompiledWorkflow } from '../dsl';
import { LAMBDA_SERVICE_ERRORS } from '../dsl/build/task-fields';
import type { HistoryEvent } from '../engine';
import { errorEqualsMatches } from '../engine/error-equals';
import { stringField } from './detail-field';
import { failureOf, stateVisits } from './history-states';

/** Something a test can reach: a state, a Choice rule or default, a Catch or Retry arm. */
export type CoverageItem = {
  key: string;
  kind: 'state' | 'choice-rule' | 'choice-default' | 'catch' | 'retry';
  state: string;
  label: string;
};

/** A workflow's items and which of them runs reached. */
export type WorkflowCoverage = { workflow: string; items: CoverageItem[]; covered: string[] };

/** Where `statecraft test` collects the runs of jest's workers. */
export const COVERAGE_DIR_ENV = 'STATECRAFT_COVERAGE_DIR';

type Rule = { Next?: string };
type Handler = { ErrorEquals: string[]; Next?: string };
type StateDefinition = {
  Type: string;
  Choices?: Rule[];
  Default?: string;
  Catch?: Handler[];
  Retry?: Handler[];
  Branches?: { States: Record<string, StateDefinition> }[];
  ItemProcessor?: { States: Record<string, StateDefinition> };
  Iterator?: { States: Record<string, StateDefinition> };
};

const collected = new Map<string, { items: CoverageItem[]; covered: Set<string> }>();

/** Every state of a definition, nested ones included, by name. */
function statesOf(definition: StateMachine): Map<string, StateDefinition> {
  const found = new Map<string, StateDefinition>();
  const visit = (states: Record<string, StateDefinition>) => {
    for (const [name, state] of Object.entries(states)) {
      found.set(name, state);
      for (const branch of state.Branches ?? []) visit(branch.States);
      const processor = state.ItemProcessor ?? state.Iterator;
      if (processor) visit(processor.States);
    }
  };
  visit(definition.States);
  return found;
}

/** The retrier every `fn` task gets for Lambda's transient service errors: plumbing, not a branch a test should take. */
function isServiceErrorRetrier(retrier: Handler): boolean {
  return (
    retrier.ErrorEquals.length === LAMBDA_SERVICE_ERRORS.length &&
    LAMBDA_SERVICE_ERRORS.every((error) => retrier.ErrorEquals.includes(error))
  );
}

/** What there is to reach in `definition`. */
export function coverageItems(definition: StateMachine): CoverageItem[] {
  const items: CoverageItem[] = [];
  for (const [name, state] of statesOf(definition)) {
    items.push({ key: `state:${name}`, kind: 'state', state: name, label: `state '${name}'` });
    (state.Choices ?? []).forEach((rule, index) =>
      items.push({ key: `choice:${name}:${index}`, kind: 'choice-rule', state: name, label: `'${name}' rule ${index + 1} → ${rule.Next}` }),
    );
    if (state.Default !== undefined)
      items.push({ key: `default:${name}`, kind: 'choice-default', state: name, label: `'${name}' default → ${state.Default}` });
    (state.Catch ?? []).forEach((catcher, index) =>
      items.push({
        key: `catch:${name}:${index}`,
        kind: 'catch',
        state: name,
        label: `'${name}' catches ${catcher.ErrorEquals.join(', ')} → ${catcher.Next}`,
      }),
    );
    (state.Retry ?? []).forEach(
      (retrier, index) =>
        isServiceErrorRetrier(retrier) ||
        items.push({
          key: `retry:${name}:${index}`,
          kind: 'retry',
          state: name,
          label: `'${name}' retries ${retrier.ErrorEquals.join(', ')}`,
        }),
    );
  }
  return items;
}

const FAILURE = /^(TaskFailed|TaskTimedOut|LambdaFunctionFailed|LambdaFunctionTimedOut|MapStateFailed|ParallelStateFailed)$/;
const SUCCESS = /^(TaskSucceeded|LambdaFunctionSucceeded|MapStateSucceeded|ParallelStateSucceeded)$/;
const ATTEMPT = /^(TaskScheduled|LambdaFunctionScheduled)$/;

/** The item keys a run's history reached in `definition`. */
export function coveredKeys(definition: StateMachine, events: readonly HistoryEvent[]): Set<string> {
  const states = statesOf(definition);
  const covered = new Set<string>();
  const lastFailure = new Map<string, string | undefined>();
  const visits = stateVisits(events);
  for (const visit of visits) {
    covered.add(`state:${visit.name}`);
    const from = visit.previous === undefined ? undefined : states.get(visit.previous);
    if (from && visit.previous !== undefined) {
      if (from.Type === 'Choice') {
        const rule = (from.Choices ?? []).findIndex((each) => each.Next === visit.name);
        if (rule >= 0) covered.add(`choice:${visit.previous}:${rule}`);
        else if (from.Default === visit.name) covered.add(`default:${visit.previous}`);
      }
      const error = lastFailure.get(visit.previous);
      if (error !== undefined && error !== '') {
        const catcher = (from.Catch ?? []).findIndex((each) => errorEqualsMatches(each.ErrorEquals, error));
        if (catcher >= 0 && from.Catch?.[catcher].Next === visit.name) covered.add(`catch:${visit.previous}:${catcher}`);
      }
    }
    const own = states.get(visit.name);
    let failedWith: string | undefined;
    for (const event of visit.events) {
      if (ATTEMPT.test(event.type) && failedWith !== undefined) {
        const retrier = (own?.Retry ?? []).findIndex((each) => errorEqualsMatches(each.ErrorEquals, failedWith as string));
        if (retrier >= 0) covered.add(`retry:${visit.name}:${retrier}`);
        failedWith = undefined;
      }
      if (FAILURE.test(event.type)) failedWith = stringField(event.details, 'error');
      if (SUCCESS.test(event.type)) failedWith = undefined;
    }
    lastFailure.set(visit.name, failureOf(visit, visits)?.error ?? failedWith);
  }
  return covered;
}

/** Adds a run of `compiled` to the process's coverage (and to STATECRAFT_COVERAGE_DIR when set). */
export function recordCoverage(compiled: CompiledWorkflow, events: readonly HistoryEvent[]): void {
  const items = coverageItems(compiled.definition);
  const covered = coveredKeys(compiled.definition, events);
  const entry = collected.get(compiled.name) ?? { items, covered: new Set<string>() };
  entry.items = items;
  for (const key of covered) entry.covered.add(key);
  collected.set(compiled.name, entry);
  const dir = process.env[COVERAGE_DIR_ENV];
  if (dir) {
    fs.mkdirSync(dir, { recursive: true });
    const line: WorkflowCoverage = { workflow: compiled.name, items, covered: [...covered] };
    fs.appendFileSync(path.join(dir, `runs-${process.pid}.jsonl`), `${JSON.stringify(line)}\n`);
  }
}

/** The coverage this process's runs reached, per workflow. */
export function workflowCoverage(): WorkflowCoverage[] {
  return [...collected].map(([workflow, entry]) => ({ workflow, items: entry.items, covered: [...entry.covered] }));
}

/** Forgets what was collected (between test files that measure coverage themselves). */
export function resetWorkflowCoverage(): void {
  collected.clear();
}

/** Merges runs of the same workflows (from several workers): the union of what each reached. */
export function mergeCoverage(runs: readonly WorkflowCoverage[]): WorkflowCoverage[] {
  const merged = new Map<string, { items: CoverageItem[]; covered: Set<string> }>();
  for (const run of runs) {
    const entry = merged.get(run.workflow) ?? { items: run.items, covered: new Set<string>() };
    for (const key of run.covered) entry.covered.add(key);
    merged.set(run.workflow, entry);
  }
  return [...merged].map(([workflow, entry]) => ({
    workflow,
    items: entry.items,
    covered: [...entry.covered].filter((key) => entry.items.some((item) => item.key === key)),
  }));
}
