/** Every intrinsic function of JSONPath states, by its `States.*` name. */
import {
  statesArray,
  statesArrayContains,
  statesArrayGetItem,
  statesArrayLength,
  statesArrayPartition,
  statesArrayRange,
  statesArrayUnique,
} from './array-functions';
import { statesBase64Decode, statesBase64Encode } from './encoding-functions';
import { statesFormat } from './format-function';
import { statesHash } from './hash-function';
import type { IntrinsicFunction } from './intrinsic-function';
import { statesJsonMerge, statesJsonToString, statesStringToJson } from './json-functions';
import { statesMathAdd, statesMathRandom } from './math-functions';
import { statesStringSplit } from './string-split-function';
import { statesUuid } from './uuid-function';

/** The implementation of each intrinsic, keyed by the name used in definitions. */
export const INTRINSIC_FUNCTIONS: Readonly<Record<string, IntrinsicFunction>> = {
  'States.Format': statesFormat,
  'States.StringToJson': statesStringToJson,
  'States.JsonToString': statesJsonToString,
  'States.Array': statesArray,
  'States.ArrayPartition': statesArrayPartition,
  'States.ArrayContains': statesArrayContains,
  'States.ArrayRange': statesArrayRange,
  'States.ArrayGetItem': statesArrayGetItem,
  'States.ArrayLength': statesArrayLength,
  'States.ArrayUnique': statesArrayUnique,
  'States.Base64Encode': statesBase64Encode,
  'States.Base64Decode': statesBase64Decode,
  'States.Hash': statesHash,
  'States.JsonMerge': statesJsonMerge,
  'States.MathRandom': statesMathRandom,
  'States.MathAdd': statesMathAdd,
  'States.StringSplit': statesStringSplit,
  'States.UUID': statesUuid,
};
