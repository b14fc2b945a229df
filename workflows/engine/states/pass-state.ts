/**
 * Pass: passes its input (or Result, or Parameters/Output) on, optionally assigning variables.
 * https://states-language.net/spec.html#pass-state
 */
import type { PassState } from '../../asl';
import { evaluateAssign } from '../assign';
import { resolvePayloadTemplate } from '../data-flow';
import { resolveJsonataTemplate } from '../jsonata/jsonata-template';
import type { AttemptOutcome } from '../with-retry-and-catch';
import { effectiveInput, processResult } from '../process-result';
import { jsonataBindings, pathScope, type StateRun } from '../state-run';
import { evaluationStep } from '../evaluation-step';

async function evaluateJsonataPass(run: StateRun<PassState>): Promise<AttemptOutcome> {
  const { state } = run;
  const output = state.Output !== undefined ? await resolveJsonataTemplate(state.Output, jsonataBindings(run), 'Output') : run.input;
  const assigned = await evaluateAssign(run, state.Assign, run.input);
  return { output, assigned };
}

function evaluatePass(run: StateRun<PassState>): AttemptOutcome | Promise<AttemptOutcome> {
  const { state } = run;
  if (run.language === 'JSONata') return evaluateJsonataPass(run);
  const input = effectiveInput(run);
  if (state.Result !== undefined) return processResult(run, state.Result);
  const result = state.Parameters !== undefined ? resolvePayloadTemplate(state.Parameters, input, pathScope(run), 'Parameters') : input;
  run.inspect?.('afterParameters', result);
  return processResult(run, result);
}

/** Runs a Pass state. */
export function runPassState(run: StateRun<PassState>): AttemptOutcome | Promise<AttemptOutcome> {
  return evaluationStep(run, () => evaluatePass(run));
}
