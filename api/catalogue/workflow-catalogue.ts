/**
 * The deployed workflows as the API sees them, with their state machine ARNs. Compiling them is
 * compile-catalogue.ts, kept apart so a deployed function (which reads them compiled) bundles no compiler.
 */
import { executionArnOf, parseStateMachineArn, stateMachineArnOf, type StateMachine } from '../../workflows/asl';
import type { ApprovalStep } from '../../workflows/dsl';
import type { WorkflowGraph } from '../../workflows/dsl/graph';
import { resolveAccess, type ResolvedAccess } from '../access/access-rule';
import { HttpError } from '../errors';

/** One workflow: what the console shows and where it runs. */
export type CatalogueEntry = {
  name: string;
  description: string;
  example: unknown;
  definition: StateMachine;
  graph: WorkflowGraph;
  stateMachineArn: string;
  /** Who may read, operate and decide, as the access rule reads it. */
  access: ResolvedAccess;
  /** The approval steps, with who decides each. */
  approvalSteps: readonly ApprovalStep[];
  /** `file:line` where the workflow is declared, when known. */
  location?: string;
};

/** Lookup by name, in catalogue order. */
export type WorkflowCatalogue = {
  entries: readonly CatalogueEntry[];
  find: (name: string) => CatalogueEntry | undefined;
  get: (name: string) => CatalogueEntry;
  /** The access of any workflow name: the entry's, or the global roles for state machines outside the catalogue. */
  accessOf: (name: string) => ResolvedAccess;
};

/** Where the state machines are: region, account, and the prefix of their names (the stage's, on AWS). */
export type CatalogueAccount = { region: string; accountId: string; stateMachinePrefix?: string };

/** An entry before it is placed in an account: plain JSON, so the deploy compiles it at build time and bundles it as data. */
export type CompiledEntry = Omit<CatalogueEntry, 'stateMachineArn'>;

/** The catalogue of compiled entries, each with its state machine's ARN in `account`. */
export function catalogueOf(
  compiled: readonly CompiledEntry[],
  { region, accountId, stateMachinePrefix = '' }: CatalogueAccount,
): WorkflowCatalogue {
  const entries = compiled.map((entry): CatalogueEntry => ({
    ...entry,
    stateMachineArn: stateMachineArnOf({ region, accountId }, `${stateMachinePrefix}${entry.name}`),
  }));
  const byName = new Map(entries.map((entry) => [entry.name, entry]));
  return {
    entries,
    find: (name) => byName.get(name),
    accessOf: (name) => byName.get(name)?.access ?? resolveAccess(name, undefined),
    get(name) {
      const entry = byName.get(name);
      if (!entry) throw workflowNotFound(name);
      return entry;
    },
  };
}

/** The 404 of a workflow that does not exist (or that the caller may not know of). */
export function workflowNotFound(name: string): HttpError {
  return new HttpError(404, 'workflow-not-found', `no workflow named '${name}'`, { workflow: name });
}

/** The execution ARN of run `runId` of a workflow (the run id is the execution name). */
export function executionArn(entry: CatalogueEntry, runId: string): string {
  const machine = parseStateMachineArn(entry.stateMachineArn);
  // Catalogue ARNs are built by stateMachineArnOf, so they parse; the replace only guards a hand-made entry.
  return machine
    ? executionArnOf(machine, machine.name, runId)
    : `${entry.stateMachineArn.replace(':stateMachine:', ':execution:')}:${runId}`;
}

/** The run id of an execution ARN: the execution name, its last segment. */
export function runIdOf(executionArn: string): string {
  return executionArn.slice(executionArn.lastIndexOf(':') + 1);
}
