/**
 * Fail: stops its branch with Error and Cause (literal, *Path, or JSONata).
 * https://states-language.net/spec.html#fail-state
 */
import type { FailState, JsonValue } from '../../asl';
import { selectPath } from '../data-flow';
import { StatesError } from '../errors';
import { resolveJsonataTemplate } from '../jsonata/jsonata-template';
import { markAttributed } from '../attribute-failure';
import { jsonataBindings, pathScope, type StateRun } from '../state-run';

function asText(value: JsonValue): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

async function field(run: StateRun<FailState>, name: 'Error' | 'Cause'): Promise<string> {
  const literal = run.state[name];
  const path = run.state[`${name}Path`];
  if (run.language === 'JSONata') {
    return literal === undefined ? '' : asText(await resolveJsonataTemplate(literal, jsonataBindings(run), name));
  }
  if (path !== undefined) return asText(selectPath(path, run.input, pathScope(run), `${name}Path`));
  return literal ?? '';
}

/** Runs a Fail state: always throws the state's error. */
export async function runFailState(run: StateRun<FailState>): Promise<never> {
  const error = await field(run, 'Error');
  const cause = await field(run, 'Cause');
  throw markAttributed(new StatesError(error, cause));
}
