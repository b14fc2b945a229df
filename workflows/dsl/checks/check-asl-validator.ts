/**
 * `asl-validator`: asl-validator's verdict, translated to findings on state paths, without its known false
 * positives and without what our own checks already reported for the same state.
 */
import type { Finding } from './finding';
import { isRecord } from './is-record';
import { runAslValidator } from './run-asl-validator';
import { translateAslValidatorError } from './translate-asl-validator-error';
import { samePath, type WalkedDefinition } from './walk-states';

/** Runs asl-validator and keeps only what adds to `own`, the findings of our own checks. */
export function checkAslValidator(machine: WalkedDefinition, own: readonly Finding[]): Finding[] {
  if (!isRecord(machine.definition)) return [];
  const { errors, statesPointers } = runAslValidator(machine.definition);
  const translated = errors.map((error) => translateAslValidatorError(machine, error, statesPointers));
  const ownErrors = own.filter((f) => f.severity === 'error');
  const kept: Finding[] = [];
  for (const { finding, kind, isCoveredBy } of translated) {
    if (kind === 'false-positive' || ownErrors.some(isCoveredBy)) continue;
    const atSameState = (other: Finding): boolean => samePath(other.statePath, finding.statePath);
    if (kind === 'noise') {
      const explained =
        ownErrors.some((own) => atSameState(own) || isTopLevelMalformation(own)) ||
        translated.some((other) => other.kind !== 'noise' && atSameState(other.finding)) ||
        kept.some(atSameState);
      if (explained) continue;
    }
    if (kept.some((other) => atSameState(other) && other.message === finding.message)) continue;
    kept.push(finding);
  }
  return kept;
}

/** A malformed top level (e.g. an unknown QueryLanguage) makes asl-validator reject every state's schema. */
function isTopLevelMalformation(own: Finding): boolean {
  return own.code === 'malformed-definition' && own.statePath.length === 0;
}
