/** compile(workflow): the workflow's ASL, its placeholders and its graph, or every problem at once. */
import type { StateMachine } from '../asl';
import { BuildContext } from './build/build-context';
import { Scope } from './build/scope';
import { checkDefinition } from './checks/check-definition';
import { hasErrors, type Diagnostic } from './diagnostic';
import { durationField } from './build/common-fields';
import { DefinitionError } from './errors';
import { toGraph, type WorkflowGraph } from './graph';
import { Steps } from './steps';
import type { Substitutions } from './substitution';
import type { AnyTaskFunction } from './task-function';
import { checkExpress } from './checks/check-express';
import type { Workflow, WorkflowType } from './workflow';

export type CompiledWorkflow = {
  name: string;
  /** The state machine type to deploy (STANDARD unless the workflow asks for EXPRESS). */
  type: WorkflowType;
  definition: StateMachine;
  /** Placeholders used in the definition, by name. */
  substitutions: Substitutions;
  graph: WorkflowGraph;
  /** Task functions the workflow calls, by function name. */
  functions: ReadonlyMap<string, AnyTaskFunction>;
  /** Workflows this one starts, by name. */
  children: ReadonlyMap<string, { readonly name: string }>;
  /** Problems that do not stop a compile (e.g. a Choice that can fall through). */
  warnings: Diagnostic[];
};

/** Checks the DSL already reports with a better location; raw-ASL duplicates are dropped. */
const DSL_REPORTED = new Set(['duplicate-state-name']);

/** Builds and checks a workflow; throws DefinitionError listing every error (and warning) found. */
export function compile<Input, Output>(workflow: Workflow<Input, Output>, options: CompileOptions = {}): CompiledWorkflow {
  const fast = build(workflow, false, options);
  if (fast.diagnostics.length === 0) return fast.result;
  // Something to report: build again, recording where each state was declared.
  const located = build(workflow, true, options);
  if (hasErrors(located.diagnostics)) throw new DefinitionError(located.diagnostics);
  return located.result;
}

/** How thoroughly to check: `aslValidator: false` leaves out the slow third-party pass (the test kit does). */
export type CompileOptions = { aslValidator?: boolean };

function build<Input, Output>(
  workflow: Workflow<Input, Output>,
  capturesLocations: boolean,
  options: CompileOptions,
): { result: CompiledWorkflow; diagnostics: Diagnostic[] } {
  const context = new BuildContext(workflow.name, capturesLocations);
  const language = workflow.options.queryLanguage ?? 'JSONPath';
  const top = new Scope(context, [], `workflow '${workflow.name}'`, language);
  const end = workflow.build(new Steps<Input>(top, [{ kind: 'start', scope: top.start }])) as Steps<unknown>;
  top.close(end.ends);
  const workflowAt = { statePath: [], location: workflow.location };
  const timeout = durationField(workflow.options.timeout, 'timeout', (message) => context.report(workflowAt, 'invalid-duration', message));
  const branch = top.emit();
  const definition: StateMachine = {
    Comment: workflow.options.description,
    ...(language === 'JSONata' ? { QueryLanguage: language } : {}),
    StartAt: branch.StartAt,
    ...(timeout === undefined ? {} : { TimeoutSeconds: timeout }),
    States: branch.States,
  };
  const type = workflow.options.type ?? 'STANDARD';
  const checkContext = {
    workflow: workflow.name,
    locate: (path: readonly string[]) => context.locate(path) ?? (path.length === 0 ? workflow.location : undefined),
    aslValidator: options.aslValidator,
  };
  const checked = checkDefinition(definition, checkContext, type === 'EXPRESS' ? (machine) => checkExpress(machine, timeout) : undefined);
  const diagnostics = dedupe([...context.diagnostics, ...checked.filter((d) => !DSL_REPORTED.has(d.code))]);
  const result: CompiledWorkflow = {
    name: workflow.name,
    type,
    definition,
    substitutions: Object.fromEntries([...context.substitutions].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    graph: hasErrors(diagnostics) ? { nodes: [], edges: [] } : toGraph(definition),
    functions: context.functions,
    children: context.children,
    warnings: diagnostics,
  };
  return { result, diagnostics };
}

/** Serialises a definition the same way every time (two-space JSON, trailing newline). */
export function stringifyDefinition(definition: StateMachine): string {
  return `${JSON.stringify(definition, null, 2)}\n`;
}

function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.code}\u0000${d.statePath.join('\u0000')}\u0000${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
