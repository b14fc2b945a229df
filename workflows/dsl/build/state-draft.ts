/** The mutable record of one state while a workflow is being built. */
import type { LazyLocation } from '../source-location';
import type { BuildContext } from './build-context';

/** ASL fields of a state under construction (PascalCase, as emitted). */
export type DraftFields = Record<string, unknown>;

export type StateDraft = {
  readonly name: string;
  readonly fields: DraftFields;
  /** State names from the top level to this state. */
  readonly statePath: readonly string[];
  readonly location?: string;
  readonly context: BuildContext;
};

/**
 * A place waiting for the name of the next state: a state's `Next`, a Choice rule's or Default's
 * target, a Catch's target, or a scope's `StartAt`.
 */
export type Slot =
  | { kind: 'start'; scope: { startAt?: string; label: string } }
  | { kind: 'next'; draft: StateDraft }
  | { kind: 'default'; draft: StateDraft }
  | { kind: 'rule'; draft: StateDraft; rule: DraftFields }
  | { kind: 'catch'; draft: StateDraft; catcher: DraftFields };

/** Points a slot at `target`; reports a state that would continue to two places. */
export function fillSlot(slot: Slot, target: string, location: LazyLocation | string | undefined): void {
  if (slot.kind === 'start') {
    slot.scope.startAt = target;
    return;
  }
  const holder = slot.kind === 'rule' ? slot.rule : slot.kind === 'catch' ? slot.catcher : slot.draft.fields;
  const key = slot.kind === 'default' ? 'Default' : 'Next';
  const previous = holder[key];
  if (previous !== undefined && previous !== target) {
    slot.draft.context.report(
      slot.draft,
      'forked-chain',
      `already continues to '${typeof previous === 'string' ? previous : JSON.stringify(previous)}'; it cannot also continue to '${target}' (${(typeof location === 'function' ? location() : location) ?? 'unknown location'})`,
    );
    return;
  }
  holder[key] = target;
}

/** What a slot leads from, for messages. */
export function describeSlot(slot: Slot): string {
  switch (slot.kind) {
    case 'start':
      return slot.scope.label;
    case 'next':
      return `'${slot.draft.name}'`;
    case 'default':
      return `the Default of '${slot.draft.name}'`;
    case 'rule':
      return `a rule of '${slot.draft.name}'`;
    case 'catch':
      return `a Catch of '${slot.draft.name}'`;
  }
}
