/** Resolves workflow names given on the command line against the catalogue. */
import { catalogue } from '../workflows/definitions';
import type { Workflow } from '../workflows/dsl';
import { CliError } from './cli-error';

/** The named workflows in the order given, or the whole catalogue when no name is given. */
export function selectWorkflows(names: readonly string[]): Workflow<never, unknown>[] {
  const all = catalogue as readonly Workflow<never, unknown>[];
  if (names.length === 0) return [...all];
  const unknown = names.filter((name) => !all.some((workflow) => workflow.name === name));
  if (unknown.length > 0) {
    const available = all.map((workflow) => workflow.name).join(', ');
    throw new CliError(
      `unknown workflow${unknown.length > 1 ? 's' : ''} ${unknown.map((name) => `'${name}'`).join(', ')}; the catalogue has: ${available}`,
      2,
    );
  }
  return names.map((name) => all.find((workflow) => workflow.name === name) as Workflow<never, unknown>);
}
