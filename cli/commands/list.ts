/**
 * `statecraft list`: the catalogue, one workflow a line with its size and approvals; when a dev
 * stack's engine answers, also the version of each workflow deployed there and whether the source
 * changed since (offline, the catalogue alone).
 */
import { Command } from 'commander';
import type { State, StateMachineBranch } from '../../workflows/asl';
import { APPROVAL_PLACEHOLDER } from '../../workflows/dsl';
import { deployedStates, probingSfnClient, type DeployedState } from '../local/deployed-versions';
import { localDefinitionsOf } from '../local/local-definitions';
import { LOCAL_ACCOUNT } from '../local/local-substitutions';
import type { CliIo } from '../cli-io';
import { selectWorkflows } from '../select-workflows';
import { sfnEndpointOption } from '../stack-options';
import { compileOrReport } from './compile';

type ListOptions = { json?: boolean; endpoint: string };

export function listCommand(io: CliIo): Command {
  return new Command('list')
    .description('List the workflow catalogue: name, description, states and approvals, and what a running dev stack has deployed of each.')
    .option('--json', 'print JSON instead of a table')
    .addOption(sfnEndpointOption())
    .addHelpText(
      'after',
      '\nWith an engine answering, DEPLOYED is the latest version published there and SOURCE says whether the compiled workflow differs from the deployed definition.',
    )
    .action((options: ListOptions, command: Command) => runList(options, command.getOptionValueSource('endpoint') === 'cli', io));
}

/** Lists the catalogue; an engine that does not answer at an `--endpoint` given on the command line is reported. */
async function runList(options: ListOptions, endpointGiven: boolean, { stdout, stderr }: CliIo): Promise<void> {
  const compiled = compileOrReport(selectWorkflows([]), stderr);
  if (!compiled) return;
  const rows = compiled.map(({ name, definition }) => ({
    name,
    description: definition.Comment ?? '',
    states: allStates(definition).length,
    approvals: allStates(definition).filter(isApproval).length,
  }));
  const { endpoint } = options;
  const client = probingSfnClient(endpoint, LOCAL_ACCOUNT.region);
  const deployed = await deployedStates(client, localDefinitionsOf(compiled, LOCAL_ACCOUNT)).finally(() => client.destroy());
  if (!deployed && endpointGiven) stderr.write(`no Step Functions engine answers at ${endpoint}: listing the catalogue only\n`);
  if (options.json) {
    const out = deployed ? rows.map((row) => ({ ...row, deployed: deployedJson(deployed.get(row.name)) })) : rows;
    stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return;
  }
  const width = Math.max(...rows.map((row) => row.name.length), 'NAME'.length);
  const extra = (cells: [string, string]) => (deployed ? `${cells[0].padEnd(DEPLOYED_WIDTH)}  ${cells[1].padEnd(SOURCE_WIDTH)}  ` : '');
  stdout.write(`${'NAME'.padEnd(width)}  STATES  APPROVALS  ${extra(['DEPLOYED', 'SOURCE'])}DESCRIPTION\n`);
  for (const row of rows) {
    stdout.write(
      `${row.name.padEnd(width)}  ${String(row.states).padStart(6)}  ${String(row.approvals).padStart(9)}  ${extra(deployedCells(deployed?.get(row.name)))}${row.description}\n`,
    );
  }
}

const DEPLOYED_WIDTH = 'unversioned'.length;
const SOURCE_WIDTH = 'not deployed'.length;

/** The DEPLOYED and SOURCE cells of a workflow. */
function deployedCells(state: DeployedState | undefined): [string, string] {
  if (!state?.deployed) return ['-', 'not deployed'];
  return [state.version === undefined ? 'unversioned' : `v${state.version}`, state.sourceChanged ? 'changed' : 'same'];
}

/** `deployed` in JSON: null when the engine does not have the workflow. */
function deployedJson(state: DeployedState | undefined): { version: number | null; sourceChanged: boolean } | null {
  return state?.deployed ? { version: state.version ?? null, sourceChanged: state.sourceChanged } : null;
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
