/**
 * Every definition of the recorded real-AWS executions (../shared/conformance/cases, see its README) was
 * accepted by AWS Step Functions, so none may get an error: this guards against asl-validator false positives.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkDefinition } from '../../../../workflows/dsl/checks/check-definition';
import { missingConformanceCases } from '../../../helpers/missing-conformance-cases';

/** Where the corpus lives: STATECRAFT_CONFORMANCE_CASES, else ../shared/conformance/cases beside the repo. */
const CASES = process.env.STATECRAFT_CONFORMANCE_CASES ?? path.resolve(__dirname, '../../../../../shared/conformance/cases');

function caseFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return caseFiles(file);
    return file.endsWith('.json') ? [file] : [];
  });
}

/** One case file per distinct definition (many cases run the same definition on different inputs). */
function distinctDefinitions(): Map<string, string> {
  const byDefinition = new Map<string, string>();
  for (const file of caseFiles(CASES)) {
    const { definition } = JSON.parse(fs.readFileSync(file, 'utf8')) as { definition: unknown };
    byDefinition.set(JSON.stringify(definition), path.relative(CASES, file));
  }
  return byDefinition;
}

if (!fs.existsSync(CASES)) {
  describe('checkDefinition on definitions recorded on real AWS', () => {
    missingConformanceCases(CASES);
  });
} else {
  describe('checkDefinition on definitions recorded on real AWS', () => {
    it('reports no error on any definition AWS accepted', () => {
      const definitions = distinctDefinitions();

      const errors = [...definitions].flatMap(([json, workflow]) =>
        checkDefinition(JSON.parse(json), { workflow }).filter((d) => d.severity === 'error'),
      );

      expect(definitions.size).toBeGreaterThan(100);
      expect(errors).toStrictEqual([]);
    }, 120_000);
  });
}
