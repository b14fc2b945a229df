/**
 * A compiled JSONPath as Jayway JsonPath builds it (com.jayway.jsonpath.internal.path: one token per
 * PathToken subclass, filters as in internal.filter), which is what AWS Step Functions evaluates.
 * https://github.com/json-path/JsonPath/blob/master/json-path/src/main/java/com/jayway/jsonpath/internal/path/PathCompiler.java
 */
import type { JsonValue } from '../../../asl';

/**
 * One token. `name`/`index` are Jayway's single-property and single-index tokens; `names` is
 * `['a','b']` (merged into one object at the leaf), `indexes` is `[0,2]`.
 */
export type PathSegment =
  | { kind: 'name'; name: string }
  | { kind: 'index'; index: number }
  | { kind: 'names'; names: string[] }
  | { kind: 'indexes'; indexes: number[] }
  | { kind: 'slice'; from?: number; to?: number }
  | { kind: 'wildcard' }
  | { kind: 'scan' }
  | { kind: 'filter'; filter: FilterExpression; text: string }
  | { kind: 'function'; name: string; text: string };

/** A path as Jayway compiles it: `$` (document) or `@` (filter item) followed by tokens. */
export type JaywayPath = {
  root: '$' | '@';
  segments: PathSegment[];
  /** Whether every token is definite (Jayway's `Path.isDefinite()`): the path yields one node, not a list. */
  definite: boolean;
};

/** Jayway's RelationalOperator, by the text a filter spells it with (word operators are upper-cased). */
export const RELATIONAL_OPERATORS = [
  '>=',
  '<=',
  '==',
  '===',
  '!=',
  '!==',
  '<',
  '>',
  '=~',
  'NIN',
  'IN',
  'CONTAINS',
  'ALL',
  'SIZE',
  'EXISTS',
  'TYPE',
  'MATCHES',
  'EMPTY',
  'SUBSETOF',
  'ANYOF',
  'NONEOF',
] as const;

/** One relational operator. */
export type RelationalOperator = (typeof RELATIONAL_OPERATORS)[number];

/** A filter's boolean expression (Jayway's LogicalExpressionNode and RelationalExpressionNode). */
export type FilterExpression =
  | { kind: 'or'; operands: FilterExpression[] }
  | { kind: 'and'; operands: FilterExpression[] }
  | { kind: 'not'; operand: FilterExpression }
  | { kind: 'exists'; path: JaywayPath; shouldExist: boolean }
  | { kind: 'relation'; left: FilterOperand; operator: RelationalOperator; right: FilterOperand };

/** An operand of a comparison, as the filter spells it (Jayway's ValueNode before evaluation). */
export type FilterOperand =
  | { kind: 'path'; path: JaywayPath }
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number; text: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' }
  | { kind: 'json'; text: string; value: JsonValue | undefined }
  | { kind: 'pattern'; regex: RegExp };
