/** Everything one workflow's builders share: its states by name and the problems found so far. */
import type { Diagnostic } from '../diagnostic';
import type { Substitution } from '../substitution';
import type { AnyTaskFunction } from '../task-function';
import type { StateDraft } from './state-draft';

export class BuildContext {
  readonly diagnostics: Diagnostic[] = [];
  readonly substitutions = new Map<string, Substitution>();
  /** Task functions by name, for the engine's handler registry. */
  readonly functions = new Map<string, AnyTaskFunction>();
  /** Workflows started by this one, by name (a `Workflow`, or `{ name }` where the caller avoided an import cycle). */
  readonly children = new Map<string, { readonly name: string }>();
  private readonly drafts = new Map<string, StateDraft>();
  private readonly byPath = new Map<string, StateDraft>();

  /**
   * @param capturesLocations whether builders record `file:line`; compile builds once without,
   * and again with locations only when there is something to report.
   */
  constructor(
    readonly workflow: string,
    readonly capturesLocations = true,
  ) {}

  /** Registers a new state; reports a name already used anywhere in the workflow. */
  register(draft: StateDraft): void {
    const existing = this.drafts.get(draft.name);
    if (existing) {
      const where = existing.location ? ` (first defined at ${existing.location})` : '';
      this.report(
        draft,
        'duplicate-state-name',
        `state name '${draft.name}' is already used${where}; state names must be unique in the whole workflow, branches included`,
      );
      return;
    }
    this.drafts.set(draft.name, draft);
    this.byPath.set(draft.statePath.join('\u0000'), draft);
  }

  /** Records a placeholder the compiled ASL uses. */
  substitute(name: string, substitution: Substitution): void {
    this.substitutions.set(name, substitution);
  }

  /** Records a task function the workflow calls. */
  useFunction(fn: AnyTaskFunction): void {
    this.functions.set(fn.name, fn);
    this.substitute(fn.placeholder, { type: 'function', functionName: fn.name });
  }

  /** Records an error against a state. */
  report(
    draft: Pick<StateDraft, 'statePath' | 'location'>,
    code: string,
    message: string,
    severity: Diagnostic['severity'] = 'error',
  ): void {
    this.diagnostics.push({ severity, code, workflow: this.workflow, statePath: draft.statePath, location: draft.location, message });
  }

  /** `file:line` of the builder call that created the state at `statePath`. */
  locate(statePath: readonly string[]): string | undefined {
    return this.byPath.get(statePath.join('\u0000'))?.location;
  }
}
