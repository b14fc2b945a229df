/**
 * Pass: passes its input (or Result, or Parameters/Output) on, optionally assigning variables.
 * https://states-language.net/spec.html#pass-state
 */
import type { PassState } from '../../asl';
import { evaluateAssign } from '../assign';
import { resolvePayloadTemplate } from '../data-flow';
import { resolveJsonataTemplate } from '../jsonata/jsonata-template';
import type { AttemptOutcome } from '../retry-and-catch';
import { effectiveInput, processResult } from '../state-result';
import { jsonataBindings, pathScope, type StateRun } from '../state-run';
import { evaluationStep } from '../state-step';

async function evaluatePass(run: StateRun<PassState>): Promise<AttemptOutcome> {
  const { state } = run;
  if (run.language === 'JSONata') {
    const output = state.Output !== undefined ? await resolveJsonataTemplate(state.Output, jsonataBindings(run), 'Output') : run.input;
    const assigned = await evaluateAssign(run, state.Assign, run.input);
    return { output, assigned };
  }
  const input = effectiveInput(run);
  const result =
    state.Result !== undefined
      ? state.Result
      : state.Parameters !== undefined
        ? resolvePayloadTemplate(state.Parameters, input, pathScope(run), 'Parameters')
        : input;
  return processResult(run, result);
}

/** Runs a Pass state. */
export async function runPassState(run: StateRun<PassState>): Promise<AttemptOutcome> {
  return evaluationStep(run, () => evaluatePass(run));
}
