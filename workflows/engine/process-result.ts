/**
 * From a state's result to its output. JSONPath: Assign ($ = result), ResultSelector, ResultPath
 * (into the raw state input), OutputPath. JSONata: Output and Assign over `$states.result`.
 * https://docs.aws.amazon.com/step-functions/latest/dg/concepts-input-output-filtering.html
 */
import type { JsonValue } from '../asl';
import { assignJsonPath, evaluateAssign, type Assignments } from './assign';
import { applyResultPath, resolvePayloadTemplate, selectPath } from './data-flow';
import { resolveJsonataTemplate } from './jsonata/jsonata-template';
import { jsonataBindings, pathScope, type StateRun } from './state-run';

/** JSONPath/JSONata output fields a state may have. */
type ResultFields = {
  ResultSelector?: JsonValue;
  ResultPath?: string | null;
  OutputPath?: string | null;
  Output?: JsonValue;
  Assign?: Record<string, JsonValue>;
};

/** A state's output and the variables it assigns. */
export type StateResult = { output: JsonValue; assigned?: Assignments };

async function processJsonataResult(run: StateRun, result: JsonValue): Promise<StateResult> {
  run.inspect?.('result', result);
  const state = run.state as ResultFields;
  const bindings = jsonataBindings(run, { result });
  const output = state.Output !== undefined ? await resolveJsonataTemplate(state.Output, bindings, 'Output') : result;
  const assigned = await evaluateAssign(run, state.Assign, result, { result });
  return { output, assigned };
}

/** Applies the output fields of `run.state` to `result` (synchronously in JSONPath). */
export function processResult(run: StateRun, result: JsonValue): StateResult | Promise<StateResult> {
  if (run.language === 'JSONata') return processJsonataResult(run, result);
  const state = run.state as ResultFields;
  const assigned = assignJsonPath(run, state.Assign, result);
  const selected =
    state.ResultSelector !== undefined ? resolvePayloadTemplate(state.ResultSelector, result, pathScope(run), 'ResultSelector') : result;
  const combined = applyResultPath(run.input, selected, state.ResultPath);
  if (run.inspect) {
    run.inspect('result', result);
    run.inspect('afterResultSelector', selected);
    run.inspect('afterResultPath', combined);
  }
  const output = isWholePath(state.OutputPath) ? combined : selectPath(state.OutputPath, combined, pathScope(run), 'OutputPath');
  return { output, assigned };
}

/** JSONPath InputPath (JSONata states take their input as is). */
export function effectiveInput(run: StateRun): JsonValue {
  const path = (run.state as { InputPath?: string | null }).InputPath;
  if (run.language === 'JSONata') return run.input;
  const input = isWholePath(path) ? run.input : selectPath(path, run.input, pathScope(run), 'InputPath');
  run.inspect?.('afterInputPath', input);
  return input;
}

/** Whether an InputPath/OutputPath keeps the value as is (absent or `$`). */
function isWholePath(path: string | null | undefined): path is undefined | '$' {
  return path === undefined || path === '$';
}
