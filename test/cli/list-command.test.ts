/**
 * `statecraft list` next to a running engine: the version of each workflow deployed there and
 * whether the compiled source differs from the deployed definition; with no engine answering, the
 * catalogue alone, as offline. In-process through main() (graph-and-list-commands.test.ts runs list through the real binary).
 */
import { DeleteStateMachineCommand, UpdateStateMachineCommand } from '@aws-sdk/client-sfn';
import { deployWorkflows } from '../../cli/local/deploy-workflows';
import { localDefinitions } from '../../cli/local/local-definitions';
import { LOCAL_ACCOUNT } from '../../cli/local/local-substitutions';
import { startEmulator, type RunningEmulator } from '../helpers/emulator-server';
import { invokeCli } from './invoke-cli';

jest.setTimeout(90_000);

type Row = { name: string; deployed?: { version: number | null; sourceChanged: boolean } | null };

const ROLE = 'arn:aws:iam::123456789012:role/statecraft-local';

describe('statecraft list with an engine', () => {
  let emulator: RunningEmulator;
  const definitions = localDefinitions(LOCAL_ACCOUNT);
  const [edited, removed, ...rest] = definitions;

  beforeAll(async () => {
    emulator = await startEmulator();
    await deployWorkflows(emulator.client, definitions, ROLE);
    await deployWorkflows(emulator.client, [{ ...rest[0], definition: { ...rest[0].definition, Comment: 'an older source' } }], ROLE);
    await deployWorkflows(emulator.client, [rest[0]], ROLE);
    await emulator.client.send(
      new UpdateStateMachineCommand({
        stateMachineArn: edited.arn,
        definition: JSON.stringify({ ...edited.definition, Comment: 'edited by hand' }),
      }),
    );
    await emulator.client.send(new DeleteStateMachineCommand({ stateMachineArn: removed.arn }));
  });

  afterAll(() => emulator.stop());

  it('shows the deployed version of each workflow and whether its source changed since', async () => {
    const result = await invokeCli(['list', '--json', '--endpoint', emulator.endpoint]);

    const rows = JSON.parse(result.stdout) as Row[];
    expect(result.code).toBe(0);
    expect(rows.map((row) => [row.name, row.deployed])).toStrictEqual([
      [edited.name, { version: 1, sourceChanged: true }],
      [removed.name, null],
      [rest[0].name, { version: 3, sourceChanged: false }],
      ...rest.slice(1).map((definition) => [definition.name, { version: 1, sourceChanged: false }]),
    ]);
  });

  it('adds DEPLOYED and SOURCE columns to the table', async () => {
    const result = await invokeCli(['list', '--endpoint', emulator.endpoint]);

    const lines = result.stdout.split('\n');
    expect(result.code).toBe(0);
    expect(lines[0]).toMatch(/^NAME\s+STATES\s+APPROVALS\s+DEPLOYED\s+SOURCE\s+DESCRIPTION$/);
    expect(lines[1]).toMatch(new RegExp(`^${edited.name}\\s+\\d+\\s+\\d+\\s+v1\\s+changed\\s+`));
    expect(lines[2]).toMatch(new RegExp(`^${removed.name}\\s+\\d+\\s+\\d+\\s+-\\s+not deployed\\s+`));
    expect(lines[3]).toMatch(new RegExp(`^${rest[0].name}\\s+\\d+\\s+\\d+\\s+v3\\s+same\\s+`));
  });
});

describe('statecraft list with no engine answering', () => {
  it('lists the catalogue as offline, saying no engine answered at the endpoint it was given', async () => {
    const offline = await invokeCli(['list', '--json'], { env: { SFN_PORT: '1' } });
    const unreachable = await invokeCli(['list', '--json', '--endpoint', 'http://127.0.0.1:1']);

    expect(unreachable.code).toBe(0);
    expect(unreachable.stdout).toBe(offline.stdout);
    expect((JSON.parse(unreachable.stdout) as Row[]).every((row) => !('deployed' in row))).toBe(true);
    expect(unreachable.stderr).toContain('no Step Functions engine answers at http://127.0.0.1:1: listing the catalogue only');
    expect(offline.stderr).not.toContain('no Step Functions engine');
  });

  it('reads a blank SFN_PORT as the default endpoint, not as one it was given', async () => {
    const result = await invokeCli(['list', '--json'], { env: { SFN_PORT: ' ' } });

    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
  });
});
