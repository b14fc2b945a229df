/**
 * Every definition check, for any ASL (compiled by us or written by hand): all problems at once, each
 * naming its workflow and state path, then whatever asl-validator adds.
 */
import type { Diagnostic } from '../diagnostic';
import type { Check } from './check';
import { checkAslValidator } from './check-asl-validator';
import { checkChoiceFallThrough } from './check-choice-fall-through';
import { checkDanglingTransitions } from './check-dangling-transitions';
import { checkDefinitionSize } from './check-definition-size';
import { checkDuplicateStateNames } from './check-duplicate-state-names';
import { checkJsonata } from './check-jsonata';
import { checkMissingTransitions } from './check-missing-transitions';
import { checkPaths } from './check-paths';
import { checkQueryLanguage } from './check-query-language';
import { checkRetryCatch } from './check-retry-catch';
import { checkStructure } from './check-structure';
import { checkTaskToken } from './check-task-token';
import { checkTimeouts } from './check-timeouts';
import { checkUnreachableStates } from './check-unreachable-states';
import type { Finding } from './finding';
import { walkStates } from './walk-states';

/** Names the workflow in diagnostics and, when known, finds the source line of a state. */
export type CheckContext = {
  /** Workflow name or file name, used as Diagnostic.workflow. */
  workflow: string;
  /** `file:line` for a state, when known. */
  locate?: (statePath: readonly string[]) => string | undefined;
  /**
   * Whether asl-validator runs after our checks (default true). It rebuilds its JSON schemas on every
   * call (100–300 ms); the test kit, which compiles for runs rather than for deploys, leaves it out.
   */
  aslValidator?: boolean;
};

/** Our own checks, in the order their diagnostics are listed. */
export const DEFINITION_CHECKS: readonly Check[] = [
  checkStructure,
  checkDuplicateStateNames,
  checkDanglingTransitions,
  checkUnreachableStates,
  checkMissingTransitions,
  checkTimeouts,
  checkChoiceFallThrough,
  checkRetryCatch,
  checkPaths,
  checkQueryLanguage,
  checkJsonata,
  checkDefinitionSize,
  checkTaskToken,
];

/** Runs every check on a definition and returns all problems found (not just the first), then asl-validator's. */
export function checkDefinition(definition: unknown, context: CheckContext, extraCheck?: Check): Diagnostic[] {
  const machine = walkStates(definition);
  const own = [...DEFINITION_CHECKS, ...(extraCheck ? [extraCheck] : [])].flatMap((check) => check(machine));
  const third = context.aslValidator === false ? [] : checkAslValidator(machine, own);
  return [...own, ...third].map((found) => toDiagnostic(found, context));
}

function toDiagnostic({ severity, code, statePath, message }: Finding, context: CheckContext): Diagnostic {
  const location = context.locate?.(statePath);
  return {
    severity,
    code,
    workflow: context.workflow,
    statePath,
    ...(location === undefined ? {} : { location }),
    message,
  };
}
