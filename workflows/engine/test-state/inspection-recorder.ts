/**
 * Collects what TestState reports at the DEBUG and TRACE levels: the state's input, each
 * data-flow step the engine's state code reports (StateRun.inspect), a Map's settings, the
 * variables after the state, and how an error was handled. What AWS shows for each state type
 * follows its recorded answers (LocalStack's AWS-validated TestState snapshots).
 * https://docs.aws.amazon.com/step-functions/latest/dg/test-state-isolation.html#how-test-state-works
 */
import type { JsonValue } from '../../asl';
import { toJsonText } from '../json-text';
import type { DataFlowStep } from '../state-run';
import type { LocatedState } from './locate-state';
import type { InspectionData, InspectionErrorDetails } from './test-state-output';

/** The order the steps happen in (and are listed in). */
const STEPS: readonly DataFlowStep[] = [
  'afterInputPath',
  'afterParameters',
  'afterArguments',
  'result',
  'afterResultSelector',
  'afterResultPath',
];

/** A Map state's evaluated settings. */
export type MapInspection = {
  afterItemsPath?: JsonValue;
  maxConcurrency?: number;
  toleratedFailureCount?: number;
  toleratedFailurePercentage?: number;
};

/** What the recorder needs besides the steps to build the inspection data. */
export type InspectionSummary = {
  input: JsonValue;
  variables: Readonly<Record<string, JsonValue>>;
  errorDetails?: InspectionErrorDetails;
};

/** Records one test's data-flow steps; `record` is handed to the engine as StateRun.inspect. */
export class InspectionRecorder {
  private readonly steps = new Map<DataFlowStep, JsonValue>();
  private map: MapInspection = {};

  constructor(private readonly target: LocatedState) {}

  /** Hears one step (the last value of a step wins). */
  readonly record = (step: DataFlowStep, value: JsonValue): void => {
    this.steps.set(step, value);
  };

  /** Records a Map state's evaluated settings. */
  recordMap(settings: MapInspection): void {
    this.map = { ...this.map, ...settings };
  }

  /** The inspection data, as AWS shows it for this state type. */
  inspectionData({ input, variables, errorDetails }: InspectionSummary): InspectionData {
    const steps = this.shownSteps(input);
    const data: InspectionData = { input: toJsonText(input) };
    for (const step of STEPS) if (steps.has(step)) data[step] = toJsonText(steps.get(step) as JsonValue);
    if (this.map.afterItemsPath !== undefined) data.afterItemsPath = toJsonText(this.map.afterItemsPath);
    if (this.map.maxConcurrency !== undefined) data.maxConcurrency = this.map.maxConcurrency;
    if (this.map.toleratedFailureCount !== undefined) data.toleratedFailureCount = this.map.toleratedFailureCount;
    if (this.map.toleratedFailurePercentage !== undefined) data.toleratedFailurePercentage = this.map.toleratedFailurePercentage;
    if (Object.keys(variables).length) data.variables = JSON.stringify(variables);
    if (errorDetails && Object.keys(errorDetails).length) data.errorDetails = errorDetails;
    return data;
  }

  /**
   * AWS's choices per state type (JSONPath): a Pass with `Result` shows the result but neither
   * afterInputPath nor afterParameters, one without shows those but no result; a Fail state
   * shows afterInputPath (its input: Fail has no InputPath).
   */
  private shownSteps(input: JsonValue): Map<DataFlowStep, JsonValue> {
    const steps = new Map(this.steps);
    const { state, language } = this.target;
    if (language === 'JSONata') return steps;
    if (state.Type === 'Pass') {
      if (state.Result !== undefined) {
        steps.delete('afterInputPath');
        steps.delete('afterParameters');
      } else steps.delete('result');
    }
    if (state.Type === 'Fail') steps.set('afterInputPath', input);
    return steps;
  }
}
