/**
 * The `Cause` texts AWS Step Functions reports when a path cannot be applied, as recorded in
 * ../shared/conformance/cases (scenarios/test_invalid_jsonpath_*) and seen in real executions.
 * The run loop prefixes them with "An error occurred while executing the state '<name>'
 * (entered at the event id #<id>). ".
 */
import type { JsonValue } from '../../asl';

/** Cause builders for path failures, keyed by situation. */
export const PATH_CAUSES = {
  /** InputPath/OutputPath/ItemsPath/...: Jayway's message after the path. */
  noResults: (path: string, failure: string) => `Invalid path '${path}' : ${failure}`,
  /** A `key.$` entry of a payload template (or an intrinsic argument) matched nothing. */
  payloadPathNotFound: (path: string, field: string | undefined, input: JsonValue) =>
    field === undefined
      ? `The JSONPath '${path}' could not be found in the input '${JSON.stringify(input)}'`
      : `The JSONPath '${path}' specified for the field '${field}' could not be found in the input '${JSON.stringify(input)}'`,
  /** Any data path applied to a `null` state input. */
  nullInput: () => 'Unable to apply Path transformation to null or empty input.',
  /** A `$name` path naming a variable that has not been assigned. */
  unboundVariable: (path: string, name: string) => `Invalid path '${path}' : The variable '$${name}' is not defined.`,
  /** Not a path at all (normally rejected when the state machine is created). */
  invalidPath: (field: string) => `The value for the field '${field}' must be a valid JSONPath`,
  /** A `key.$` whose value is neither a path nor an intrinsic call. */
  invalidPayloadValue: (field: string) => `The value for the field '${field}' must be a valid JSONPath or a valid intrinsic function call`,
  /** ResultPath could not be merged into the state input. */
  resultPathMismatch: (resultPath: string, input: JsonValue) =>
    `Unable to apply ReferencePath ${resultPath} to input ${JSON.stringify(input)}`,
  /** ResultPath is not a reference path (`$`, `.name`, `['name']`, `[index]` only). */
  invalidResultPath: (resultPath: string) => `The value for the field 'ResultPath' must be a valid ReferencePath: ${resultPath}`,
} as const;
