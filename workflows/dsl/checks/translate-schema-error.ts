/**
 * Turns one asl-validator schema error (`/States/A/OutputPath is invalid. must match format "asl_path"`) into
 * a finding on the state it concerns, and sorts out its known false positives and noise.
 */
import { formatFieldPath } from './field-path';
import { finding, type Finding } from './finding';
import { isAslValidatorFalsePositive } from './is-asl-validator-false-positive';
import { locatePointer, parsePointer, valueAtPointer } from './json-pointer';
import { isStateType } from './state-types';
import { findState, samePath, type WalkedDefinition } from './walk-states';

/**
 * `real`: a problem to show unless our own checks already say it; `noise`: a by-product of asl-validator trying
 * every state type's schema, shown only when nothing else is said about the state; `false-positive`: AWS accepts it.
 */
export type AslFindingKind = 'real' | 'noise' | 'false-positive';

/** An asl-validator error as a finding, with how to tell whether one of our own findings already covers it. */
export type AslFinding = { finding: Finding; kind: AslFindingKind; isCoveredBy: (own: Finding) => boolean };

const CODE = 'asl-validator';

/** Translates a SCHEMA_VALIDATION_FAILED error found at `instancePath`. */
export function translateSchemaError(machine: WalkedDefinition, instancePath: string, message: string): AslFinding {
  const segments = parsePointer(instancePath);
  const { statePath, field } = locatePointer(segments);
  const reason = message.replace(/^.* is invalid\. /, '');
  const subject = field.length > 0 ? formatFieldPath(field) : statePath.length > 0 ? 'State' : 'Definition';
  const isCoveredBy = (own: Finding): boolean =>
    samePath(own.statePath, statePath) && (field.length === 0 || own.message.includes(field[0]));
  const visit = statePath.length > 0 ? findState(machine, statePath) : undefined;
  const result = (kind: AslFindingKind, text = `${subject} is invalid: ${reason}`): AslFinding => ({
    finding: finding(CODE, statePath, text),
    kind,
    isCoveredBy,
  });
  if (visit === undefined || field.length === 0) return result('real');

  if (isAslValidatorFalsePositive(visit, field, valueAtPointer(machine.definition, segments))) {
    return result('false-positive');
  }
  const { Type: type, QueryLanguage: queryLanguage } = visit.state;
  const typeNoise = field.length === 1 && field[0] === 'Type' && isStateType(type);
  const languageNoise =
    field.length === 1 &&
    field[0] === 'QueryLanguage' &&
    (queryLanguage === undefined || queryLanguage === 'JSONPath' || queryLanguage === 'JSONata');
  if (typeNoise || languageNoise) {
    const kind = typeof type === 'string' ? `a ${type} state` : 'any state type';
    return result(
      'noise',
      `State does not match asl-validator's schema for ${kind} (a field it does not allow, or a field of the other query language?)`,
    );
  }
  return result('real');
}
