/**
 * Deploying the catalogue publishes a version per change: created (version 1), unchanged on a
 * redeploy, updated (version N) when a definition changed; and a restart of the engine stack on
 * its data dir logs every state machine as unchanged.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ListStateMachineVersionsCommand } from '@aws-sdk/client-sfn';
import { deployLabel, deployWorkflows } from '../../../cli/local/deploy-workflows';
import { localDefinitions, type LocalDefinition } from '../../../cli/local/local-definitions';
import { LOCAL_ACCOUNT } from '../../../cli/local/local-substitutions';
import { startEngineStack } from '../../../cli/local/start-engine-stack';
import type { Logger } from '../../../workflows/engine';
import { startEmulator } from '../../helpers/emulator-server';

jest.setTimeout(120_000);

const ROLE = 'arn:aws:iam::123456789012:role/statecraft-local';

describe('deployWorkflows', () => {
  it('creates each workflow with version 1, leaves identical ones unchanged and publishes the next version of a changed one', async () => {
    const emulator = await startEmulator();
    const definitions = localDefinitions(LOCAL_ACCOUNT);
    const changed: LocalDefinition[] = definitions.map((definition, index) =>
      index === 0 ? { ...definition, definition: { ...definition.definition, Comment: 'changed' } } : definition,
    );

    const first = await deployWorkflows(emulator.client, definitions, ROLE);
    const second = await deployWorkflows(emulator.client, definitions, ROLE);
    const third = await deployWorkflows(emulator.client, changed, ROLE);
    const versions = await emulator.client.send(new ListStateMachineVersionsCommand({ stateMachineArn: definitions[0].arn }));
    await emulator.stop();

    expect(first.map(deployLabel)).toStrictEqual(definitions.map(() => 'created'));
    expect(first.map((result) => result.version)).toStrictEqual(definitions.map(() => 1));
    expect(second.map(deployLabel)).toStrictEqual(definitions.map(() => 'unchanged'));
    expect(third.map(deployLabel)).toStrictEqual(['updated (version 2)', ...definitions.slice(1).map(() => 'unchanged')]);
    expect(versions.stateMachineVersions?.map((version) => version.stateMachineVersionArn)).toStrictEqual([
      `${definitions[0].arn}:2`,
      `${definitions[0].arn}:1`,
    ]);
  });
});

describe('restarting the engine stack on its data dir', () => {
  let dataDir: string;

  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'statecraft-redeploy-'));
  });

  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('logs each catalogue state machine as created once, then as unchanged', async () => {
    const lines: string[] = [];
    const log = (message: string, data?: Record<string, unknown>) => void lines.push(`${message} ${String(data?.name ?? '')}`);
    const logger: Logger = { debug: () => undefined, info: log, warn: log, error: log };
    const names = localDefinitions(LOCAL_ACCOUNT).map((definition) => definition.name);

    const first = await startEngineStack({ dataDir, sfnPort: 0, dynamodbPort: 0, logger });
    await first.stop();
    const firstLines = lines.splice(0).filter((line) => line.startsWith('state machine'));
    const second = await startEngineStack({ dataDir, sfnPort: 0, dynamodbPort: 0, logger });
    await second.stop();
    const secondLines = lines.filter((line) => line.startsWith('state machine'));

    expect(firstLines).toStrictEqual(names.map((name) => `state machine created ${name}`));
    expect(secondLines).toStrictEqual(names.map((name) => `state machine unchanged ${name}`));
  });
});
