/** Errors of the DSL: thrown while building or compiling a workflow, never at run time. */
import { formatDiagnostic, type Diagnostic } from './diagnostic';

/** A workflow definition is invalid; carries every problem found, each with its state path. */
export class DefinitionError extends Error {
  override readonly name = 'DefinitionError';
  readonly code = 'InvalidDefinition';

  constructor(
    readonly diagnostics: readonly Diagnostic[],
    options?: { cause?: unknown },
  ) {
    super(diagnostics.map(formatDiagnostic).join('\n'), options);
  }

  /** The state path of the first error, for callers that report one. */
  get statePath(): readonly string[] {
    return this.diagnostics[0]?.statePath ?? [];
  }
}
