/**
 * `jsonata-syntax`, for fields of the wrong query language: AWS rejects JSONPath fields (InputPath,
 * Parameters, ResultSelector, ResultPath, OutputPath, …Path) in JSONata states, JSONata fields (Arguments,
 * Output, Items, Condition) in JSONPath states, and JSONPath states in a JSONata state machine.
 * https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html
 */
import type { Check } from './check';
import { eachRecord } from './each-record';
import { finding, type Finding } from './finding';
import { isRecord, type JsonRecord } from './is-record';
import type { StateVisit } from './walk-states';

const CODE = 'jsonata-syntax';

const JSONPATH_ONLY_FIELDS = [
  'InputPath',
  'OutputPath',
  'Parameters',
  'ResultSelector',
  'ResultPath',
  'ItemsPath',
  'SecondsPath',
  'TimestampPath',
  'TimeoutSecondsPath',
  'HeartbeatSecondsPath',
  'ErrorPath',
  'CausePath',
  'MaxConcurrencyPath',
  'ToleratedFailureCountPath',
  'ToleratedFailurePercentagePath',
] as const;

const JSONATA_ONLY_FIELDS = ['Arguments', 'Output', 'Items'] as const;

/** Reports fields and QueryLanguage settings that do not belong to the state's query language. */
export const checkQueryLanguage: Check = (machine) =>
  machine.states.flatMap((visit) => {
    const findings: Finding[] = [];
    if (machine.queryLanguage === 'JSONata' && visit.state.QueryLanguage === 'JSONPath') {
      findings.push(
        finding(
          CODE,
          visit.path,
          'QueryLanguage "JSONPath" is not allowed here: the state machine uses JSONata, and a JSONata state machine cannot contain JSONPath states',
        ),
      );
    }
    const misplaced = visit.queryLanguage === 'JSONata' ? jsonPathFields(visit.state) : jsonataFields(visit.state);
    for (const field of misplaced) findings.push(finding(CODE, visit.path, misplacedMessage(field, visit)));
    return findings;
  });

function jsonPathFields(state: JsonRecord): string[] {
  const fields: string[] = JSONPATH_ONLY_FIELDS.filter((field) => state[field] !== undefined);
  eachRecord(state.Catch, (catcher, index) => {
    if (catcher.ResultPath !== undefined) fields.push(`Catch[${index}].ResultPath`);
  });
  if (state.Type === 'Choice') {
    eachRecord(state.Choices, (rule, index) => {
      if (rule.Variable !== undefined || rule.And !== undefined || rule.Or !== undefined || rule.Not !== undefined) {
        fields.push(`Choices[${index}].Variable`);
      }
    });
  }
  if (isRecord(state.ItemReader) && isRecord(state.ItemReader.ReaderConfig)) {
    if (state.ItemReader.ReaderConfig.MaxItemsPath !== undefined) fields.push('ItemReader.ReaderConfig.MaxItemsPath');
  }
  if (isRecord(state.ItemBatcher)) {
    for (const field of ['MaxItemsPerBatchPath', 'MaxInputBytesPerBatchPath']) {
      if (state.ItemBatcher[field] !== undefined) fields.push(`ItemBatcher.${field}`);
    }
  }
  return fields;
}

function jsonataFields(state: JsonRecord): string[] {
  const fields: string[] = JSONATA_ONLY_FIELDS.filter((field) => state[field] !== undefined);
  eachRecord(state.Catch, (catcher, index) => {
    if (catcher.Output !== undefined) fields.push(`Catch[${index}].Output`);
  });
  if (state.Type === 'Choice') {
    eachRecord(state.Choices, (rule, index) => {
      if (rule.Condition !== undefined) fields.push(`Choices[${index}].Condition`);
      if (rule.Output !== undefined) fields.push(`Choices[${index}].Output`);
    });
  }
  return fields;
}

function misplacedMessage(field: string, { queryLanguage }: StateVisit): string {
  if (queryLanguage === 'JSONata') {
    if (field.endsWith('.Variable')) {
      return `${field}: a JSONata Choice rule needs a Condition ({% … %}); Variable, And, Or, Not and comparison operators are JSONPath only`;
    }
    return `${field} is a JSONPath field and cannot be used in a JSONata state; use Arguments, Output and {% … %} expressions instead`;
  }
  return `${field} is a JSONata field and cannot be used in a JSONPath state; set QueryLanguage to "JSONata" on the state or the state machine`;
}
