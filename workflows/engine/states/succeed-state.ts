/** Succeed: ends its branch successfully with its (filtered) input. https://states-language.net/spec.html#succeed-state */
import type { SucceedState } from '../../asl';
import { selectPath } from '../data-flow';
import { resolveJsonataTemplate } from '../jsonata/jsonata-template';
import type { AttemptOutcome } from '../with-retry-and-catch';
import { effectiveInput } from '../process-result';
import { jsonataBindings, pathScope, type StateRun } from '../state-run';
import { evaluationStep } from '../evaluation-step';

async function evaluateJsonataSucceed(run: StateRun<SucceedState>): Promise<AttemptOutcome> {
  const { state } = run;
  return { output: state.Output !== undefined ? await resolveJsonataTemplate(state.Output, jsonataBindings(run), 'Output') : run.input };
}

function evaluateSucceed(run: StateRun<SucceedState>): AttemptOutcome | Promise<AttemptOutcome> {
  if (run.language === 'JSONata') return evaluateJsonataSucceed(run);
  const { state } = run;
  return { output: selectPath(state.OutputPath, effectiveInput(run), pathScope(run), 'OutputPath') };
}

/** Runs a Succeed state. */
export function runSucceedState(run: StateRun<SucceedState>): AttemptOutcome | Promise<AttemptOutcome> {
  return evaluationStep(run, () => evaluateSucceed(run));
}
