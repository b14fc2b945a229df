/**
 * The fields of a JSONPath-mode state that hold paths, and which kind of path each must be
 * (https://states-language.net/spec.html#path, #ref-paths, #payload-template).
 */
import { COMPARISON_OPERATORS } from '../../asl';
import { eachRecord } from './each-record';
import { isRecord, type JsonRecord } from './is-record';

/** `path`: any JSONPath; `reference`: a single node; `result`: a reference path without variables;
 * `template`: a `.$` value; `reference-or-intrinsic`: Fail's ErrorPath/CausePath. */
export type PathKind = 'path' | 'reference' | 'result' | 'template' | 'reference-or-intrinsic';

/** One path-valued field, named as the user reads it (`Choices[0].And[1].Variable`, `Parameters.token.$`). */
export type PathField = { field: string; value: unknown; kind: PathKind };

const TOP_LEVEL_FIELDS: Readonly<Record<string, PathKind>> = {
  InputPath: 'path',
  OutputPath: 'path',
  ResultPath: 'result',
  ItemsPath: 'reference',
  SecondsPath: 'reference',
  TimestampPath: 'reference',
  TimeoutSecondsPath: 'reference',
  HeartbeatSecondsPath: 'reference',
  MaxConcurrencyPath: 'reference',
  ToleratedFailureCountPath: 'reference',
  ToleratedFailurePercentagePath: 'reference',
  ErrorPath: 'reference-or-intrinsic',
  CausePath: 'reference-or-intrinsic',
};

const TEMPLATE_FIELDS = ['Parameters', 'ResultSelector', 'ItemSelector', 'Assign', 'Credentials'] as const;

/** Every path-valued field of a state, nested ones (Choice rules, Catch arms, ItemReader, ItemBatcher) included. */
export function pathFields(state: JsonRecord): PathField[] {
  const fields: PathField[] = [];
  const add = (field: string, value: unknown, kind: PathKind): void => {
    if (value !== undefined && value !== null) fields.push({ field, value, kind });
  };
  for (const [field, kind] of Object.entries(TOP_LEVEL_FIELDS)) add(field, state[field], kind);
  for (const field of TEMPLATE_FIELDS) fields.push(...templateFields(field, state[field]));
  const { ItemReader: reader, ItemBatcher: batcher, ResultWriter: writer } = state;
  if (isRecord(reader)) {
    fields.push(...templateFields('ItemReader.Parameters', reader.Parameters));
    if (isRecord(reader.ReaderConfig)) {
      add('ItemReader.ReaderConfig.MaxItemsPath', reader.ReaderConfig.MaxItemsPath, 'reference');
    }
  }
  if (isRecord(batcher)) {
    add('ItemBatcher.MaxItemsPerBatchPath', batcher.MaxItemsPerBatchPath, 'reference');
    add('ItemBatcher.MaxInputBytesPerBatchPath', batcher.MaxInputBytesPerBatchPath, 'reference');
    fields.push(...templateFields('ItemBatcher.BatchInput', batcher.BatchInput));
  }
  if (isRecord(writer)) fields.push(...templateFields('ResultWriter.Parameters', writer.Parameters));
  eachRecord(state.Catch, (catcher, at) => {
    add(`Catch[${at}].ResultPath`, catcher.ResultPath, 'result');
    fields.push(...templateFields(`Catch[${at}].Assign`, catcher.Assign));
  });
  if (state.Type === 'Choice') {
    eachRecord(state.Choices, (rule, at) => {
      fields.push(...ruleFields(`Choices[${at}]`, rule));
      fields.push(...templateFields(`Choices[${at}].Assign`, rule.Assign));
    });
  }
  return fields;
}

/** The `.$` fields of a payload template, at any depth. */
function templateFields(field: string, value: unknown): PathField[] {
  if (Array.isArray(value)) return value.flatMap((item: unknown, at) => templateFields(`${field}[${at}]`, item));
  if (!isRecord(value)) return [];
  return Object.entries(value).flatMap(([key, child]): PathField[] =>
    key.endsWith('.$') ? [{ field: `${field}.${key}`, value: child, kind: 'template' }] : templateFields(`${field}.${key}`, child),
  );
}

/** The Variable and `…Path` operands of a Choice rule, through And, Or and Not. */
function ruleFields(field: string, rule: JsonRecord): PathField[] {
  const fields: PathField[] = [];
  if (rule.Variable !== undefined) fields.push({ field: `${field}.Variable`, value: rule.Variable, kind: 'reference' });
  for (const [operator, operand] of Object.entries(COMPARISON_OPERATORS)) {
    if (operand === 'path' && rule[operator] !== undefined) {
      fields.push({ field: `${field}.${operator}`, value: rule[operator], kind: 'reference' });
    }
  }
  for (const junction of ['And', 'Or'] as const) {
    eachRecord(rule[junction], (nested, at) => fields.push(...ruleFields(`${field}.${junction}[${at}]`, nested)));
  }
  if (isRecord(rule.Not)) fields.push(...ruleFields(`${field}.Not`, rule.Not));
  return fields;
}
