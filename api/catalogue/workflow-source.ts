/**
 * A workflow's DSL source, for the console's source tab: the file the workflow was declared in
 * (its `file:line`), else the catalogue's convention `workflows/definitions/<name>.ts`. Bundled
 * deployments ship no sources, and then there is none.
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { Workflow } from '../../workflows/dsl';

/** Where the repository's workflow definitions live (beside api/). */
const DEFINITIONS_DIR = path.resolve(__dirname, '../../workflows/definitions');
const ROOT = path.resolve(__dirname, '../..');

/** The source text and its path relative to the repository, or undefined. */
export async function workflowSource(workflow: Pick<Workflow, 'name' | 'location'>): Promise<{ file: string; text: string } | undefined> {
  const declared = workflow.location?.replace(/:\d+(:\d+)?$/, '');
  const candidates = [...(declared ? [path.resolve(declared)] : []), path.join(DEFINITIONS_DIR, `${workflow.name}.ts`)];
  for (const file of candidates) {
    try {
      return { file: path.relative(ROOT, file), text: await fs.readFile(file, 'utf8') };
    } catch {
      // Not there (a bundle, or a location relative to another directory): try the next.
    }
  }
  return undefined;
}
