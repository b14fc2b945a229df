/** Compiles several workflows together, reporting every problem in all of them at once. */
import { compile, type CompiledWorkflow } from './compile';
import type { Diagnostic } from './diagnostic';
import { DefinitionError } from './errors';
import type { AnyTaskFunction } from './task-function';
import type { Workflow } from './workflow';

/**
 * Compiles each workflow; also reports two different handlers declared under one function name
 * (they would deploy as one Lambda). Throws DefinitionError with every diagnostic found.
 */
export function compileAll(workflows: readonly Workflow<never, unknown>[]): CompiledWorkflow[] {
  const diagnostics: Diagnostic[] = [];
  const compiled: CompiledWorkflow[] = [];
  const seenNames = new Set<string>();
  for (const workflow of workflows) {
    if (seenNames.has(workflow.name)) {
      diagnostics.push({
        severity: 'error',
        code: 'duplicate-workflow-name',
        workflow: workflow.name,
        statePath: [],
        location: workflow.location,
        message: `another workflow is already named '${workflow.name}'`,
      });
    }
    seenNames.add(workflow.name);
    try {
      compiled.push(compile(workflow));
    } catch (error) {
      if (!(error instanceof DefinitionError)) throw error;
      diagnostics.push(...error.diagnostics);
    }
  }
  diagnostics.push(...conflictingFunctions(compiled));
  if (diagnostics.some((d) => d.severity === 'error')) throw new DefinitionError(diagnostics);
  return compiled;
}

function conflictingFunctions(compiled: readonly CompiledWorkflow[]): Diagnostic[] {
  const owners = new Map<string, { fn: AnyTaskFunction; workflow: string }>();
  const diagnostics: Diagnostic[] = [];
  for (const { name, functions } of compiled) {
    for (const fn of functions.values()) {
      const owner = owners.get(fn.name);
      if (owner && owner.fn.handler !== fn.handler) {
        diagnostics.push({
          severity: 'error',
          code: 'duplicate-function-name',
          workflow: name,
          statePath: [],
          message: `function '${fn.name}' is declared twice with different handlers (also in '${owner.workflow}'); function names must be unique`,
        });
      } else if (!owner) {
        owners.set(fn.name, { fn, workflow: name });
      }
    }
  }
  return diagnostics;
}
