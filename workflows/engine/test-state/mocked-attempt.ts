/**
 * One attempt of a mocked Map or Parallel state: its input is processed and (Map) its settings
 * evaluated as in a run, then the mock stands for the iterations or branches; the mocked result
 * goes through ResultSelector/ResultPath/OutputPath (or Output) like a real one.
 * https://docs.aws.amazon.com/step-functions/latest/dg/test-state-isolation.html
 */
import type { MapState, ParallelState } from '../../asl';
import { markAttributed } from '../attribute-failure';
import { StatesError } from '../errors';
import { effectiveInput, processResult } from '../process-result';
import type { StateRun } from '../state-run';
import { mapItems, mapMaxConcurrency, mapTolerance } from '../states/map-settings';
import type { AttemptOutcome } from '../with-retry-and-catch';
import type { InspectionRecorder } from './inspection-recorder';
import type { ParsedMock } from './parse-mock';

async function prepareMap(run: StateRun<MapState>, recorder: InspectionRecorder): Promise<void> {
  const { state } = run;
  if (state.ItemReader === undefined) {
    const items = await mapItems(run);
    if (run.language === 'JSONPath') recorder.recordMap({ afterItemsPath: items });
  } else effectiveInput(run);
  const tolerance = await mapTolerance(run);
  recorder.recordMap({
    maxConcurrency: await mapMaxConcurrency(run),
    toleratedFailureCount: tolerance.count,
    toleratedFailurePercentage: tolerance.percentage,
  });
}

/** Runs `run` (a Map or Parallel state) once, with `mock` in place of its iterations or branches. */
export async function attemptMockedState(
  run: StateRun<MapState | ParallelState>,
  mock: ParsedMock,
  recorder: InspectionRecorder,
): Promise<AttemptOutcome> {
  if (run.state.Type === 'Map') await prepareMap(run as StateRun<MapState>, recorder);
  else effectiveInput(run);
  if (mock.kind === 'error') throw markAttributed(new StatesError(mock.error, mock.cause));
  return processResult(run, mock.result);
}
