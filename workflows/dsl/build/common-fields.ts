/** Maps the camelCase options every state shares to ASL fields. */
import type { QueryLanguage } from '../../asl';
import { toSeconds, type Duration } from '../duration';
import type { DraftFields } from './state-draft';

type SharedOptions = {
  comment?: string;
  queryLanguage?: QueryLanguage;
  inputPath?: string | null;
  outputPath?: string | null;
  resultPath?: string | null;
  resultSelector?: unknown;
  output?: unknown;
  assign?: Record<string, unknown>;
};

/** ASL fields for the options a state was given (undefined ones are dropped at emit). */
export function commonFields(options: SharedOptions, inheritedLanguage: QueryLanguage): DraftFields {
  return {
    Comment: options.comment,
    QueryLanguage: options.queryLanguage && options.queryLanguage !== inheritedLanguage ? options.queryLanguage : undefined,
    InputPath: options.inputPath,
    ResultSelector: options.resultSelector,
    ResultPath: options.resultPath,
    OutputPath: options.outputPath,
    Output: options.output,
    Assign: options.assign,
  };
}

/** Seconds for a duration option, reporting a malformed one against the state. */
export function durationField(value: Duration | undefined, field: string, report: (message: string) => void): number | undefined {
  if (value === undefined) return undefined;
  const seconds = toSeconds(value);
  if (typeof seconds === 'number') return seconds;
  report(`${field}: ${seconds.error}`);
  return undefined;
}
