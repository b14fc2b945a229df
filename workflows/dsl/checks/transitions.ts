/** Where a state can go next (https://states-language.net/spec.html#transition). */
import { eachRecord } from './each-record';
import type { JsonRecord } from './is-record';

/** One outgoing edge: the field that names it (`Next`, `Choices[0].Next`, `Catch[1].Next`, `Default`) and its target. */
export type Transition = { field: string; target: unknown };

/** Every transition a state declares, including Choice rules, Default and Catch arms, in field order. */
export function stateTransitions(state: JsonRecord): Transition[] {
  const transitions: Transition[] = [];
  if (state.Next !== undefined) transitions.push({ field: 'Next', target: state.Next });
  if (state.Type === 'Choice') {
    eachRecord(state.Choices, (rule, index) => {
      if (rule.Next !== undefined) transitions.push({ field: `Choices[${index}].Next`, target: rule.Next });
    });
    if (state.Default !== undefined) transitions.push({ field: 'Default', target: state.Default });
  }
  eachRecord(state.Catch, (catcher, index) => {
    if (catcher.Next !== undefined) transitions.push({ field: `Catch[${index}].Next`, target: catcher.Next });
  });
  return transitions;
}
