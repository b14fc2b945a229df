/** Collects a Choice state's rules and branches, then wires them into the state. */
import { Conditions, type Condition } from '../condition';
import type { Ended, Steps } from '../steps';
import type { Scope } from './scope';
import type { DraftFields, Slot, StateDraft } from './state-draft';

/** Where a rule leads: the name of an existing state, or a branch built from the Choice's input. */
export type ChoiceContinuation<T, U> = ((steps: Steps<T>) => Steps<U> | Ended) | string;

type Rule = { condition: Condition; next: ChoiceContinuation<never, unknown> };

/** Rules in order (`when`), then the fallback (`otherwise`); also builds the conditions. */
export class ChoiceBuilder<T, U = never> extends Conditions<T> {
  /** @internal */ readonly rules: Rule[] = [];
  /** @internal */ fallback?: ChoiceContinuation<never, unknown>;

  /** Runs `next` when `condition` holds (rules are tried in order). */
  when<V = never>(condition: Condition, next: ChoiceContinuation<T, V>): ChoiceBuilder<T, U | V> {
    this.rules.push({ condition, next: next });
    return this;
  }

  /** Runs `next` when no rule matches (the Choice's Default); `(b) => b` continues after the Choice. */
  otherwise<V = never>(next: ChoiceContinuation<T, V>): ChoiceBuilder<T, U | V> {
    this.fallback = next;
    return this;
  }
}

type Follow = (slot: Slot, next: ChoiceContinuation<never, unknown>) => readonly Slot[];

/** Fills the Choice's `Choices` and `Default`; returns the open ends of branches that rejoin. */
export function buildChoice(
  scope: Scope,
  draft: StateDraft,
  build: (builder: ChoiceBuilder<unknown>) => ChoiceBuilder<unknown, unknown>,
  follow: Follow,
): Slot[] {
  const builder = build(new ChoiceBuilder<unknown>());
  if (builder.rules.length === 0) {
    scope.context.report(draft, 'empty-choice', 'a Choice needs at least one rule: add .when(condition, next)');
  }
  const choices: DraftFields[] = [];
  draft.fields.Choices = choices;
  const ends: Slot[] = [];
  for (const { condition, next } of builder.rules) {
    const rule: DraftFields = { ...condition.rule };
    choices.push(rule);
    ends.push(...follow({ kind: 'rule', draft, rule }, next));
  }
  if (builder.fallback !== undefined) ends.push(...follow({ kind: 'default', draft }, builder.fallback));
  return ends;
}
