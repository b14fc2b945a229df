/**
 * The recorded AWS executions of intrinsic functions (../shared/conformance/cases/intrinsic_functions),
 * replayed through the data-flow and intrinsic functions: every case there is a chain of Pass states.
 */
import type { JsonValue } from '../../../../workflows/asl';
import { missingConformanceCases } from '../../../helpers/missing-conformance-cases';
import {
  CONFORMANCE_CASES_DIR,
  isPassChain,
  loadCases,
  matchesRecorded,
  replayPassChain,
  usesIntrinsics,
  type RecordedCase,
} from '../data-flow/conformance-pass-chain';

const RECORDED_CASE_COUNT = 83;
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const cases = loadCases('intrinsic_functions');

/** The `FunctionResult` a replayed case produced. */
function replayedResult(replayable: readonly RecordedCase[], id: string): JsonValue | undefined {
  const recorded = replayable.find((candidate) => candidate.id === `intrinsic_functions/${id}`);
  const outcome = recorded && replayPassChain(recorded);
  if (outcome?.status !== 'SUCCEEDED' || typeof outcome.output !== 'object' || outcome.output === null) return undefined;
  return Array.isArray(outcome.output) ? undefined : outcome.output.FunctionResult;
}

if (cases === undefined) {
  describe('intrinsic functions conformance', () => {
    missingConformanceCases(`${CONFORMANCE_CASES_DIR}/intrinsic_functions`);
  });
} else {
  const replayable = cases.filter((recorded) => isPassChain(recorded) && usesIntrinsics(recorded));

  describe('intrinsic functions conformance', () => {
    it(`replays all ${RECORDED_CASE_COUNT} recorded cases`, () => {
      const covered = replayable.length;

      expect({ covered, total: cases.length }).toStrictEqual({ covered: RECORDED_CASE_COUNT, total: RECORDED_CASE_COUNT });
    });

    it.each(replayable.map((recorded) => [recorded.id, recorded] as const))('matches AWS for %s', (_, recorded) => {
      const outcome = replayPassChain(recorded);

      // On a mismatch, compare with the recording so jest prints the difference.
      expect(matchesRecorded(recorded.expected, outcome, recorded.placeholders) ? recorded.expected : outcome).toStrictEqual(
        recorded.expected,
      );
    });

    it('generates a version 4 UUID where test_uuid recorded a placeholder', () => {
      const value = replayedResult(replayable, 'test_uuid');

      expect(value).toMatch(UUID_V4);
    });

    it.each([
      ['test_math_random_2', -99_999, -9_999],
      ['test_math_random_seeded', 0, 999],
    ])('draws an integer in range where %s recorded a placeholder', (id, start, end) => {
      const value = replayedResult(replayable, id);

      expect(typeof value === 'number' && Number.isInteger(value) && value >= start && value < end).toBe(true);
    });
  });
}
