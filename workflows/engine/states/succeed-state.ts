/** Succeed: ends its branch successfully with its (filtered) input. https://states-language.net/spec.html#succeed-state */
import type { SucceedState } from '../../asl';
import { selectPath } from '../data-flow';
import { resolveJsonataTemplate } from '../jsonata/jsonata-template';
import type { AttemptOutcome } from '../retry-and-catch';
import { effectiveInput } from '../state-result';
import { jsonataBindings, pathScope, type StateRun } from '../state-run';
import { evaluationStep } from '../state-step';

async function evaluateSucceed(run: StateRun<SucceedState>): Promise<AttemptOutcome> {
  const { state } = run;
  if (run.language === 'JSONata') {
    const output = state.Output !== undefined ? await resolveJsonataTemplate(state.Output, jsonataBindings(run), 'Output') : run.input;
    return { output };
  }
  return { output: selectPath(state.OutputPath, effectiveInput(run), pathScope(run), 'OutputPath') };
}

/** Runs a Succeed state. */
export function runSucceedState(run: StateRun<SucceedState>): Promise<AttemptOutcome> {
  return evaluationStep(run, () => evaluateSucceed(run));
}
