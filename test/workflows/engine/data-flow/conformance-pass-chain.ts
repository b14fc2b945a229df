/**
 * Replays recorded AWS executions (../shared/conformance/cases, see its README) that are a chain
 * of JSONPath Pass states straight through the data-flow functions, without the run loop, and
 * compares them with the README's wildcard rules.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { JsonObject, JsonValue } from '../../../../workflows/asl';
import { applyResultPath, resolvePayloadTemplate, selectPath, type PathScope } from '../../../../workflows/engine/data-flow';
import { StatesError } from '../../../../workflows/engine/errors';

/** Where the corpus lives: STATECRAFT_CONFORMANCE_CASES, else ../shared/conformance/cases beside the repo. */
export const CONFORMANCE_CASES_DIR =
  process.env.STATECRAFT_CONFORMANCE_CASES ?? path.resolve(__dirname, '../../../../../shared/conformance/cases');

/** The outcome of an execution, as recorded or as replayed. */
export type Outcome =
  { status: 'SUCCEEDED'; output: JsonValue } | { status: 'FAILED'; error: string | undefined; cause: string | undefined };

/** The parts of a recorded case this replay reads. */
export type RecordedCase = {
  file: string;
  id: string;
  definition: { StartAt: string; States: Record<string, JsonObject>; QueryLanguage?: string };
  input: JsonValue;
  expected: Outcome;
  placeholders: string[];
};

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The cases of one category, or `undefined` when the corpus is not checked out. */
export function loadCases(category: string): RecordedCase[] | undefined {
  const folder = path.join(CONFORMANCE_CASES_DIR, category);
  if (!existsSync(folder)) return undefined;
  return readdirSync(folder)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => toRecordedCase(file, JSON.parse(readFileSync(path.join(folder, file), 'utf8')) as JsonValue));
}

function toRecordedCase(file: string, raw: JsonValue): RecordedCase {
  if (!isObject(raw) || !isObject(raw.definition) || !isObject(raw.expected) || !isObject(raw.definition.States)) {
    throw new TypeError(`${file} is not a conformance case`);
  }
  const states: Record<string, JsonObject> = {};
  for (const [name, state] of Object.entries(raw.definition.States)) if (isObject(state)) states[name] = state;
  const { status, output, error, cause } = raw.expected;
  const input = typeof raw.inputText === 'string' ? (JSON.parse(raw.inputText) as JsonValue) : (raw.input ?? {});
  return {
    file,
    id: String(raw.id),
    definition: {
      StartAt: String(raw.definition.StartAt),
      States: states,
      ...(typeof raw.definition.QueryLanguage === 'string' ? { QueryLanguage: raw.definition.QueryLanguage } : {}),
    },
    input,
    expected:
      status === 'SUCCEEDED'
        ? { status, output: output ?? null }
        : {
            status: 'FAILED',
            error: error === undefined ? undefined : String(error),
            cause: cause === undefined ? undefined : String(cause),
          },
    placeholders: Array.isArray(raw.placeholders) ? raw.placeholders.map(String) : [],
  };
}

/** Whether every state is a JSONPath Pass state without Assign, so the data-flow functions alone can run it. */
export function isPassChain(recorded: RecordedCase): boolean {
  if (recorded.definition.QueryLanguage === 'JSONata') return false;
  return Object.values(recorded.definition.States).every(
    (state) => state.Type === 'Pass' && state.Assign === undefined && state.QueryLanguage !== 'JSONata',
  );
}

/** Whether a Pass state's Parameters use an intrinsic function anywhere. */
export function usesIntrinsics(recorded: RecordedCase): boolean {
  return Object.values(recorded.definition.States).some((state) => /"[^"]*\.\$":"\s*States\./.test(JSON.stringify(state.Parameters ?? {})));
}

function contextFor(recorded: RecordedCase, stateName: string): JsonValue {
  const machine = `arn:aws:states:us-east-1:111111111111:stateMachine:${recorded.id.replace(/\W/g, '_')}`;
  const execution = `${machine.replace(':stateMachine:', ':execution:')}:replay`;
  return {
    Execution: {
      Id: execution,
      Input: recorded.input,
      StartTime: '2024-01-01T00:00:00.000Z',
      Name: 'replay',
      RoleArn: 'arn:aws:iam::111111111111:role/conformance',
      RedriveCount: 0,
    },
    StateMachine: { Id: machine, Name: machine.split(':').at(-1) ?? '' },
    State: { Name: stateName, EnteredTime: '2024-01-01T00:00:00.000Z' },
  };
}

/** Runs the chain: InputPath → Parameters → Result → ResultPath → OutputPath for each Pass state. */
export function replayPassChain(recorded: RecordedCase): Outcome {
  let name = recorded.definition.StartAt;
  let data = recorded.input;
  for (let enteredAt = 2; ; enteredAt += 2) {
    const state = recorded.definition.States[name];
    if (!state) throw new TypeError(`${recorded.file}: no state ${name}`);
    const scope: PathScope = { context: contextFor(recorded, name), variables: {} };
    try {
      const rawInput = data;
      let effective = selectPath(optionalPath(state.InputPath), rawInput, scope, 'InputPath');
      if (state.Parameters !== undefined) effective = resolvePayloadTemplate(state.Parameters, effective, scope, 'Parameters');
      const result = state.Result !== undefined ? state.Result : effective;
      data = applyResultPath(rawInput, result, optionalPath(state.ResultPath));
      data = selectPath(optionalPath(state.OutputPath), data, scope, 'OutputPath');
    } catch (error) {
      if (!(error instanceof StatesError)) throw error;
      const prefix = `An error occurred while executing the state '${name}' (entered at the event id #${enteredAt}). `;
      return { status: 'FAILED', error: error.code, cause: prefix + error.details };
    }
    if (state.End === true) return { status: 'SUCCEEDED', output: data };
    name = String(state.Next);
  }
}

function optionalPath(value: JsonValue | undefined): string | null | undefined {
  return value === null || value === undefined ? value : String(value);
}

const ANY_VALUE = new Set(['date', 'timestamp', 'datetime', 'snf_role_arn', 'sfn_role_arn']);
const TOKEN = /^<[^<>]+>$/;

/** The README's comparison: placeholders and `<…>` tokens match anything, the rest must be equal. */
export function matchesRecorded(expected: unknown, actual: unknown, placeholders: readonly string[]): boolean {
  if (typeof expected === 'string') {
    if (ANY_VALUE.has(expected) || TOKEN.test(expected) || placeholders.includes(expected)) return actual !== undefined;
    return typeof actual === 'string' && wildcardPattern(expected, placeholders).test(actual);
  }
  if (Array.isArray(expected)) {
    return (
      Array.isArray(actual) &&
      actual.length === expected.length &&
      expected.every((item, i) => matchesRecorded(item, actual[i], placeholders))
    );
  }
  if (isObject(expected)) {
    if (!isObject(actual)) return false;
    const keys = Object.keys(expected);
    return keys.length === Object.keys(actual).length && keys.every((key) => matchesRecorded(expected[key], actual[key], placeholders));
  }
  return expected === actual;
}

function wildcardPattern(expected: string, placeholders: readonly string[]): RegExp {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const wildcards = [/<[^<>]+>/.source, ...placeholders.map(escape), escape('111111111111')];
  const parts = expected.split(new RegExp(`(${wildcards.join('|')})`));
  const source = parts.map((part, index) => (index % 2 === 1 ? (part === '111111111111' ? '\\d{12}' : '.+') : escape(part))).join('');
  return new RegExp(`^${source}$`, 's');
}
