/** One list of states with a StartAt: the top level, a Parallel branch or a Map processor. */
import type { QueryLanguage, State, StateMachineBranch } from '../../asl';
import type { LazyLocation } from '../source-location';
import type { BuildContext } from './build-context';
import { orderedFields } from './ordered-fields';
import { describeSlot, type DraftFields, type Slot, type StateDraft } from './state-draft';

export class Scope {
  readonly drafts: StateDraft[] = [];
  readonly start: { startAt?: string; label: string };

  constructor(
    readonly context: BuildContext,
    /** State path of the Parallel or Map that owns this scope; empty at the top level. */
    readonly ownerPath: readonly string[],
    label: string,
    readonly queryLanguage: QueryLanguage,
  ) {
    this.start = { label };
  }

  /** Creates and registers a state in this scope. */
  add(name: string, fields: DraftFields, location: LazyLocation | string | undefined): StateDraft {
    const lazy = typeof location === 'function' ? location : () => location;
    const draft: StateDraft = {
      name,
      fields,
      statePath: [...this.ownerPath, name],
      get location() {
        return lazy();
      },
      context: this.context,
    };
    this.context.register(draft);
    this.drafts.push(draft);
    return draft;
  }

  /** Ends the scope: open `Next` slots become `End: true`; other open slots cannot end a scope. */
  close(openEnds: readonly Slot[]): void {
    for (const slot of openEnds) {
      if (slot.kind === 'next') {
        slot.draft.fields.End = true;
      } else if (slot.kind === 'start') {
        this.context.report(
          { statePath: this.ownerPath, location: this.context.locate(this.ownerPath) },
          'empty-scope',
          `${slot.scope.label} has no states`,
        );
      } else {
        this.context.report(
          slot.draft,
          'missing-transition',
          `${describeSlot(slot)} leads nowhere: add a state after it, or end that path with succeed(), fail() or goto()`,
        );
      }
    }
  }

  /** The scope as ASL, states in the order they were built. */
  emit(): StateMachineBranch {
    const States: Record<string, State> = {};
    for (const draft of this.drafts) {
      if (!(draft.name in States)) States[draft.name] = orderedFields(draft.fields);
    }
    return { StartAt: this.start.startAt ?? '', States };
  }
}
