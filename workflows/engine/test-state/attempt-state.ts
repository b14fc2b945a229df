/**
 * One attempt of the tested state, by the engine's own state code: Pass, Choice, Wait, Succeed
 * and Fail as in a run (a Wait's clock does not wait), a Task's single attempt (no Retry or Catch:
 * TestState reports those instead of running them), a Map or Parallel with its mock.
 */
import type { MapState, ParallelState } from '../../asl';
import { StatesError } from '../errors';
import type { StateRun } from '../state-run';
import { runChoiceState } from '../states/choice-state';
import { runFailState } from '../states/fail-state';
import { runPassState } from '../states/pass-state';
import { runSucceedState } from '../states/succeed-state';
import { attemptTask } from '../states/task-state';
import { runWaitState } from '../states/wait-state';
import type { AttemptOutcome } from '../with-retry-and-catch';
import type { InspectionRecorder } from './inspection-recorder';
import { attemptMockedState } from './mocked-attempt';
import type { ParsedMock } from './parse-mock';

/** Runs `run` once; throws the state's StatesError when it fails. */
export async function attemptState(run: StateRun, mock: ParsedMock | undefined, recorder: InspectionRecorder): Promise<AttemptOutcome> {
  const { state } = run;
  switch (state.Type) {
    case 'Pass':
      return runPassState(run as StateRun<typeof state>);
    case 'Choice':
      return runChoiceState(run as StateRun<typeof state>);
    case 'Wait':
      return runWaitState(run as StateRun<typeof state>);
    case 'Succeed':
      return runSucceedState(run as StateRun<typeof state>);
    case 'Fail':
      return runFailState(run as StateRun<typeof state>);
    case 'Task':
      return attemptTask(run as StateRun<typeof state>);
    case 'Map':
    case 'Parallel':
      if (mock) return attemptMockedState(run as StateRun<MapState | ParallelState>, mock, recorder);
      throw new StatesError('States.Runtime', `TestState runs a ${state.Type} state only with a mock.`);
  }
}
