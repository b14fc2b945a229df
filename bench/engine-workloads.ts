/**
 * The three ASL workloads of the engine benchmark, each with its input and the number of state
 * transitions (states entered) it makes: the same count for every engine that runs it.
 */
import type { JsonValue } from '../workflows/asl';

/** One workload: an ASL definition, its input and how many states it enters. */
export type EngineWorkload = {
  name: string;
  definition: Record<string, unknown>;
  input: JsonValue;
  /** States entered by one execution (nested states included). */
  transitions: number;
  /** Executions run back to back in one timed sample (short workloads run several). */
  executionsPerSample: number;
  /**
   * STANDARD keeps AWS's 25,000-event history quota; the Choice loop makes ~40,000 events,
   * so it runs as EXPRESS (no history quota on AWS, same interpreter and journal here).
   */
  type: 'STANDARD' | 'EXPRESS';
};

const LOOP_ITERATIONS = 10_000;
const MAP_ITEMS = 1_000;
const PARALLEL_BRANCHES = 10;
const PASSES_PER_BRANCH = 100;

/** Init → (Check → Increment) × 10,000 → Check → Done, the counter kept with States.MathAdd. */
function choiceLoop(): EngineWorkload {
  return {
    name: `Choice loop ×${LOOP_ITERATIONS.toLocaleString('en-US')}`,
    type: 'EXPRESS',
    definition: {
      StartAt: 'Init',
      States: {
        Init: { Type: 'Pass', Result: { count: 0 }, Next: 'Check' },
        Check: { Type: 'Choice', Choices: [{ Variable: '$.count', NumericLessThan: LOOP_ITERATIONS, Next: 'Increment' }], Default: 'Done' },
        Increment: { Type: 'Pass', Parameters: { 'count.$': 'States.MathAdd($.count, 1)' }, Next: 'Check' },
        Done: { Type: 'Succeed' },
      },
    },
    input: {},
    transitions: 1 + (LOOP_ITERATIONS + 1) + LOOP_ITERATIONS + 1,
    executionsPerSample: 1,
  };
}

/** A Map over 1,000 items, each item through a chain of 5 Pass states (intrinsics, ResultPath, OutputPath). */
function mapChain(): EngineWorkload {
  return {
    name: `Map ${MAP_ITEMS.toLocaleString('en-US')} × 5-state chain`,
    type: 'STANDARD',
    definition: {
      StartAt: 'Fan',
      States: {
        Fan: {
          Type: 'Map',
          ItemsPath: '$.items',
          ItemProcessor: {
            ProcessorConfig: { Mode: 'INLINE' },
            StartAt: 'Number',
            States: {
              Number: { Type: 'Pass', Parameters: { 'id.$': '$.id', 'value.$': 'States.MathAdd($.id, 1)' }, Next: 'Check' },
              Check: { Type: 'Pass', Result: { ok: true }, ResultPath: '$.check', Next: 'Label' },
              Label: {
                Type: 'Pass',
                Parameters: { 'id.$': '$.id', 'value.$': '$.value', 'label.$': "States.Format('item-{}', $.id)" },
                Next: 'Keep',
              },
              Keep: { Type: 'Pass', InputPath: '$', ResultPath: '$', Next: 'Pick' },
              Pick: { Type: 'Pass', OutputPath: '$.label', End: true },
            },
          },
          ResultPath: '$.labels',
          End: true,
        },
      },
    },
    input: { items: Array.from({ length: MAP_ITEMS }, (_, id) => ({ id })) },
    transitions: 1 + MAP_ITEMS * 5,
    executionsPerSample: 1,
  };
}

/** A Parallel of 10 branches, each a chain of 100 Pass states. */
function parallelPasses(): EngineWorkload {
  const branch = (index: number): Record<string, unknown> => {
    const states: Record<string, unknown> = {};
    for (let step = 0; step < PASSES_PER_BRANCH; step++) {
      const last = step === PASSES_PER_BRANCH - 1;
      states[`B${index}P${step}`] = last ? { Type: 'Pass', End: true } : { Type: 'Pass', Next: `B${index}P${step + 1}` };
    }
    return { StartAt: `B${index}P0`, States: states };
  };
  return {
    name: `Parallel ${PARALLEL_BRANCHES} × ${PASSES_PER_BRANCH} Pass`,
    type: 'STANDARD',
    definition: {
      StartAt: 'Fork',
      States: { Fork: { Type: 'Parallel', Branches: Array.from({ length: PARALLEL_BRANCHES }, (_, index) => branch(index)), End: true } },
    },
    input: { seed: 1 },
    transitions: 1 + PARALLEL_BRANCHES * PASSES_PER_BRANCH,
    executionsPerSample: 20,
  };
}

/** The workloads in report order. */
export function engineWorkloads(): EngineWorkload[] {
  return [choiceLoop(), mapChain(), parallelPasses()];
}
