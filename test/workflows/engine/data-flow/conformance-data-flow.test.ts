/**
 * Every recorded AWS execution outside intrinsic_functions that is a chain of JSONPath Pass
 * states (../shared/conformance/cases), replayed through the data-flow functions.
 */
import { readdirSync } from 'node:fs';
import {
  CONFORMANCE_CASES_DIR,
  isPassChain,
  loadCases,
  matchesRecorded,
  replayPassChain,
  type RecordedCase,
} from './conformance-pass-chain';
import { missingConformanceCases } from '../../../helpers/missing-conformance-cases';

/** Cases whose outcome depends on the run loop rather than on data flow. */
const RUN_LOOP_CASES = new Set([
  'error_handling/test_start_large_input', // the 256 KiB payload limit
]);

const categories =
  loadCases('base') === undefined ? undefined : readdirSync(CONFORMANCE_CASES_DIR).filter((name) => name !== 'intrinsic_functions');

if (categories === undefined) {
  describe('data-flow conformance', () => {
    missingConformanceCases(CONFORMANCE_CASES_DIR);
  });
} else {
  const replayable: RecordedCase[] = categories
    .flatMap((category) => loadCases(category) ?? [])
    .filter((recorded) => isPassChain(recorded) && !RUN_LOOP_CASES.has(recorded.id));

  describe('data-flow conformance', () => {
    it('finds the recorded Pass-state cases', () => {
      const ids = replayable.map((recorded) => recorded.id);

      expect(ids).toEqual(
        expect.arrayContaining([
          'scenarios/test_invalid_jsonpath[ST.INVALID_JSONPATH_IN_INPUTPATH]',
          'scenarios/test_invalid_jsonpath[INVALID_JSONPATH_IN_STRING_EXPR_CONTEXTPATH]',
          'scenarios/test_invalid_jsonpath[ST.INVALID_JSONPATH_IN_OUTPUTPATH]',
          'base/test_query_context_object_values',
          'context_object/test_input_path[$$]',
        ]),
      );
    });

    it.each(replayable.map((recorded) => [recorded.id, recorded] as const))('matches AWS for %s', (_, recorded) => {
      const outcome = replayPassChain(recorded);

      // On a mismatch, compare with the recording so jest prints the difference.
      expect(matchesRecorded(recorded.expected, outcome, recorded.placeholders) ? recorded.expected : outcome).toStrictEqual(
        recorded.expected,
      );
    });
  });
}
