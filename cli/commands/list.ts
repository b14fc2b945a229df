/** `statecraft list`: the catalogue, one workflow a line with its size and approvals. */
import { Command } from 'commander';
import type { State, StateMachineBranch } from '../../workflows/asl';
import { APPROVAL_PLACEHOLDER } from '../../workflows/dsl';
import { selectWorkflows } from '../select-workflows';
import { compileOrReport } from './compile';

export function listCommand(): Command {
  return new Command('list')
    .description('List the workflow catalogue: name, description, states and approvals.')
    .option('--json', 'print JSON instead of a table')
    .action((options: { json?: boolean }) => {
      const compiled = compileOrReport(selectWorkflows([]));
      if (!compiled) return;
      const rows = compiled.map(({ name, definition }) => ({
        name,
        description: definition.Comment ?? '',
        states: allStates(definition).length,
        approvals: allStates(definition).filter(isApproval).length,
      }));
      if (options.json) {
        process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        return;
      }
      const width = Math.max(...rows.map((row) => row.name.length), 'NAME'.length);
      process.stdout.write(`${'NAME'.padEnd(width)}  STATES  APPROVALS  DESCRIPTION\n`);
      for (const row of rows) {
        process.stdout.write(`${row.name.padEnd(width)}  ${String(row.states).padStart(6)}  ${String(row.approvals).padStart(9)}  ${row.description}\n`);
      }
    });
}

/** Every state, nested branches and processors included. */
export function allStates(branch: StateMachineBranch): State[] {
  return Object.values(branch.States).flatMap((state) => {
    if (state.Type === 'Parallel') return [state, ...state.Branches.flatMap(allStates)];
    if (state.Type === 'Map') {
      const processor = state.ItemProcessor ?? state.Iterator;
      return processor ? [state, ...allStates(processor)] : [state];
    }
    return [state];
  });
}

function isApproval(state: State): boolean {
  return state.Type === 'Task' && JSON.stringify(state.Parameters ?? state.Arguments ?? {}).includes(APPROVAL_PLACEHOLDER);
}
