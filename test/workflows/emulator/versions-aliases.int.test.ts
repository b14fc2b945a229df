/**
 * State machine versions and aliases through the real SDK client against the real server. The
 * expectations are AWS's: the API reference pages of each action, and the responses LocalStack
 * recorded against AWS in its test_sfn_api_versioning and test_sfn_api_aliasing snapshots
 * (messages, numbering, ordering).
 */
import {
  CreateStateMachineAliasCommand,
  CreateStateMachineCommand,
  DeleteStateMachineAliasCommand,
  DeleteStateMachineCommand,
  DeleteStateMachineVersionCommand,
  DescribeExecutionCommand,
  DescribeStateMachineAliasCommand,
  DescribeStateMachineCommand,
  DescribeStateMachineForExecutionCommand,
  ListExecutionsCommand,
  ListStateMachineAliasesCommand,
  ListStateMachineVersionsCommand,
  PublishStateMachineVersionCommand,
  StartExecutionCommand,
  UpdateStateMachineAliasCommand,
  UpdateStateMachineCommand,
  type RoutingConfigurationListItem,
  type SFNClient,
} from '@aws-sdk/client-sfn';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFakeClock } from '../../helpers/fake-clock';
import { startEmulator, type RunningEmulator } from '../../helpers/emulator-server';
import { untilClosed, errorOf } from '../../helpers/sfn-client';

const ROLE = 'arn:aws:iam::123456789012:role/test';
const ARN_PREFIX = 'arn:aws:states:us-east-1:123456789012:stateMachine:';
const returning = (result: string) => JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', Result: result, End: true } } });

/** A state machine with versions 1 (`v1`) and 2 (`v2`). */
async function twoVersions(client: SFNClient, name: string): Promise<{ stateMachineArn: string; v1: string; v2: string }> {
  const created = await client.send(new CreateStateMachineCommand({ name, definition: returning('v1'), roleArn: ROLE, publish: true }));
  const updated = await client.send(
    new UpdateStateMachineCommand({ stateMachineArn: created.stateMachineArn, definition: returning('v2'), publish: true }),
  );
  return { stateMachineArn: created.stateMachineArn!, v1: created.stateMachineVersionArn!, v2: updated.stateMachineVersionArn! };
}

describe('state machine versions', () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startEmulator({ clock: createFakeClock() });
  });

  afterAll(() => emulator.stop());

  it('publishes version 1 on create and the next number on each changed update, newest listed first', async () => {
    const { client } = emulator;

    const { stateMachineArn, v1, v2 } = await twoVersions(client, 'numbered');
    const unchanged = await client.send(new UpdateStateMachineCommand({ stateMachineArn, definition: returning('v2'), publish: true }));
    const listed = await client.send(new ListStateMachineVersionsCommand({ stateMachineArn }));

    expect([v1, v2]).toStrictEqual([`${ARN_PREFIX}numbered:1`, `${ARN_PREFIX}numbered:2`]);
    expect(unchanged.stateMachineVersionArn).toBe(v2);
    expect(listed.stateMachineVersions?.map((version) => version.stateMachineVersionArn)).toStrictEqual([v2, v1]);
  });

  it('describes a version as the immutable snapshot it was published from', async () => {
    const { client } = emulator;
    const created = await client.send(
      new CreateStateMachineCommand({
        name: 'snapshot',
        definition: returning('v1'),
        roleArn: ROLE,
        publish: true,
        versionDescription: 'first',
      }),
    );
    const before = await client.send(new DescribeStateMachineCommand({ stateMachineArn: created.stateMachineArn }));

    const update = await client.send(
      new UpdateStateMachineCommand({ stateMachineArn: created.stateMachineArn, definition: returning('v2') }),
    );
    const version = await client.send(new DescribeStateMachineCommand({ stateMachineArn: created.stateMachineVersionArn }));
    const latest = await client.send(new DescribeStateMachineCommand({ stateMachineArn: created.stateMachineArn }));

    expect(version).toMatchObject({
      stateMachineArn: `${ARN_PREFIX}snapshot:1`,
      name: 'snapshot',
      definition: returning('v1'),
      description: 'first',
      revisionId: before.revisionId,
    });
    expect(latest).toMatchObject({ definition: returning('v2'), revisionId: update.revisionId });
    expect(update.revisionId).not.toBe(before.revisionId);
    expect(update.stateMachineVersionArn).toBeUndefined();
  });

  it('returns the existing version when the revision is already published, and never reuses a deleted number', async () => {
    const { client } = emulator;
    const { stateMachineArn, v2 } = await twoVersions(client, 'reused');

    const again = await client.send(new PublishStateMachineVersionCommand({ stateMachineArn }));
    await client.send(new DeleteStateMachineVersionCommand({ stateMachineVersionArn: v2 }));
    await client.send(new DeleteStateMachineVersionCommand({ stateMachineVersionArn: v2 }));
    const republished = await client.send(new PublishStateMachineVersionCommand({ stateMachineArn }));

    expect(again.stateMachineVersionArn).toBe(v2);
    expect(republished.stateMachineVersionArn).toBe(`${stateMachineArn}:3`);
  });

  it('refuses to publish a revision that is no longer current', async () => {
    const { client } = emulator;
    const { stateMachineArn } = await client.send(
      new CreateStateMachineCommand({ name: 'stale', definition: returning('a'), roleArn: ROLE }),
    );
    const first = await client.send(new UpdateStateMachineCommand({ stateMachineArn, definition: returning('b') }));
    const second = await client.send(new UpdateStateMachineCommand({ stateMachineArn, definition: returning('c') }));

    const conflict = await errorOf(client.send(new PublishStateMachineVersionCommand({ stateMachineArn, revisionId: first.revisionId })));
    const current = await client.send(
      new PublishStateMachineVersionCommand({ stateMachineArn, revisionId: second.revisionId, description: 'c' }),
    );

    expect(conflict).toStrictEqual({
      name: 'ConflictException',
      message: `Failed to publish the State Machine version for revision ${first.revisionId}. The current State Machine revision is ${second.revisionId}.`,
    });
    expect(current.stateMachineVersionArn).toBe(`${stateMachineArn}:1`);
  });

  it('accepts INITIAL as the revision of a state machine never updated', async () => {
    const { client } = emulator;
    const { stateMachineArn } = await client.send(
      new CreateStateMachineCommand({ name: 'initial', definition: returning('a'), roleArn: ROLE }),
    );

    const published = await client.send(new PublishStateMachineVersionCommand({ stateMachineArn, revisionId: 'INITIAL' }));

    expect(published.stateMachineVersionArn).toBe(`${stateMachineArn}:1`);
  });

  it('refuses a version description without publish', async () => {
    const error = await errorOf(
      emulator.client.send(
        new CreateStateMachineCommand({ name: 'described', definition: returning('a'), roleArn: ROLE, versionDescription: 'x' }),
      ),
    );

    expect(error).toStrictEqual({ name: 'ValidationException', message: 'Version description can only be set when publish is true' });
  });

  it('runs a version ARN on that version even after the state machine changed, and lists its executions by version', async () => {
    const { client } = emulator;
    const { stateMachineArn, v1 } = await twoVersions(client, 'pinned');

    const onVersion = await client.send(new StartExecutionCommand({ stateMachineArn: v1, name: 'on-v1' }));
    const onLatest = await client.send(new StartExecutionCommand({ stateMachineArn, name: 'on-latest' }));
    const [described, latest] = [await untilClosed(client, onVersion.executionArn!), await untilClosed(client, onLatest.executionArn!)];
    const byVersion = await client.send(new ListExecutionsCommand({ stateMachineArn: v1 }));
    const all = await client.send(new ListExecutionsCommand({ stateMachineArn }));

    expect(onVersion.executionArn).toBe('arn:aws:states:us-east-1:123456789012:execution:pinned:on-v1');
    expect(described).toMatchObject({ output: '"v1"', stateMachineArn, stateMachineVersionArn: v1 });
    expect(described.stateMachineAliasArn).toBeUndefined();
    expect(latest.output).toBe('"v2"');
    expect(latest.stateMachineVersionArn).toBeUndefined();
    expect(byVersion.executions?.map((execution) => [execution.name, execution.stateMachineVersionArn])).toStrictEqual([['on-v1', v1]]);
    expect(all.executions?.map((execution) => execution.name).sort()).toStrictEqual(['on-latest', 'on-v1']);
  });

  it('answers StateMachineDoesNotExist for an update of a version ARN and for a deleted version', async () => {
    const { client } = emulator;
    const { v1 } = await twoVersions(client, 'immutable');
    await client.send(new DeleteStateMachineVersionCommand({ stateMachineVersionArn: v1 }));

    const update = await errorOf(
      client.send(new UpdateStateMachineCommand({ stateMachineArn: `${ARN_PREFIX}immutable:2`, definition: returning('x') })),
    );
    const start = await errorOf(client.send(new StartExecutionCommand({ stateMachineArn: v1 })));

    expect(update).toStrictEqual({ name: 'StateMachineDoesNotExist', message: `State Machine Does Not Exist: '${ARN_PREFIX}immutable:2'` });
    expect(start.name).toBe('StateMachineDoesNotExist');
  });
});

describe('DescribeStateMachineForExecution', () => {
  it('reports the definition, update date and revision an execution started with, not a later update', async () => {
    const clock = createFakeClock();
    const emulator = await startEmulator({ clock });
    const { client } = emulator;
    const { stateMachineArn } = await client.send(
      new CreateStateMachineCommand({ name: 'revised', definition: returning('old'), roleArn: ROLE }),
    );
    const original = await client.send(new DescribeStateMachineCommand({ stateMachineArn }));
    const before = await client.send(new StartExecutionCommand({ stateMachineArn }));
    await clock.advance(60_000);
    const update = await client.send(new UpdateStateMachineCommand({ stateMachineArn, definition: returning('new') }));
    const after = await client.send(new StartExecutionCommand({ stateMachineArn }));

    const forBefore = await client.send(new DescribeStateMachineForExecutionCommand({ executionArn: before.executionArn }));
    const forAfter = await client.send(new DescribeStateMachineForExecutionCommand({ executionArn: after.executionArn }));
    await emulator.stop();

    expect(forBefore).toMatchObject({
      stateMachineArn,
      definition: returning('old'),
      updateDate: original.creationDate,
      revisionId: original.revisionId,
    });
    expect(forAfter).toMatchObject({
      stateMachineArn,
      definition: returning('new'),
      updateDate: update.updateDate,
      revisionId: update.revisionId,
    });
    expect(forAfter.updateDate!.getTime() - forBefore.updateDate!.getTime()).toBe(60_000);
  });
});

describe('state machine aliases', () => {
  let emulator: RunningEmulator;
  const clock = createFakeClock();
  const draws: number[] = [];

  beforeAll(async () => {
    emulator = await startEmulator({ clock, random: () => draws.shift() ?? 0 });
  });

  afterAll(() => emulator.stop());

  it('creates, describes, updates, lists and deletes an alias (creating it again is idempotent)', async () => {
    const { client } = emulator;
    const { stateMachineArn, v1, v2 } = await twoVersions(client, 'aliased');
    const routingConfiguration = [{ stateMachineVersionArn: v1, weight: 100 }];

    const created = await client.send(new CreateStateMachineAliasCommand({ name: 'PROD', description: 'live', routingConfiguration }));
    const again = await client.send(new CreateStateMachineAliasCommand({ name: 'PROD', description: 'live', routingConfiguration }));
    const conflict = await errorOf(
      client.send(new CreateStateMachineAliasCommand({ name: 'PROD', description: 'other', routingConfiguration })),
    );
    await client.send(
      new UpdateStateMachineAliasCommand({
        stateMachineAliasArn: created.stateMachineAliasArn,
        routingConfiguration: [
          { stateMachineVersionArn: v1, weight: 50 },
          { stateMachineVersionArn: v2, weight: 50 },
        ],
      }),
    );
    const described = await client.send(new DescribeStateMachineAliasCommand({ stateMachineAliasArn: created.stateMachineAliasArn }));
    await clock.advance(1_000);
    await client.send(
      new CreateStateMachineAliasCommand({ name: 'BETA', routingConfiguration: [{ stateMachineVersionArn: v2, weight: 100 }] }),
    );
    const listed = await client.send(new ListStateMachineAliasesCommand({ stateMachineArn }));
    await client.send(new DeleteStateMachineAliasCommand({ stateMachineAliasArn: created.stateMachineAliasArn }));
    await client.send(new DeleteStateMachineAliasCommand({ stateMachineAliasArn: created.stateMachineAliasArn }));
    const gone = await errorOf(client.send(new DescribeStateMachineAliasCommand({ stateMachineAliasArn: created.stateMachineAliasArn })));
    const updateGone = await errorOf(
      client.send(new UpdateStateMachineAliasCommand({ stateMachineAliasArn: created.stateMachineAliasArn, description: 'x' })),
    );

    expect(created.stateMachineAliasArn).toBe(`${stateMachineArn}:PROD`);
    expect(again.creationDate).toStrictEqual(created.creationDate);
    expect(conflict).toStrictEqual({
      name: 'ConflictException',
      message: 'Failed to create alias because an alias with the same name and a different routing configuration already exists.',
    });
    expect(described).toMatchObject({
      name: 'PROD',
      description: 'live',
      routingConfiguration: [
        { stateMachineVersionArn: v1, weight: 50 },
        { stateMachineVersionArn: v2, weight: 50 },
      ],
    });
    expect(listed.stateMachineAliases?.map((alias) => alias.stateMachineAliasArn)).toStrictEqual([
      `${stateMachineArn}:PROD`,
      `${stateMachineArn}:BETA`,
    ]);
    expect(gone.name).toBe('ResourceNotFound');
    expect(updateGone).toStrictEqual({
      name: 'ResourceNotFound',
      message: 'Request references a resource that does not exist.',
      resourceName: `${stateMachineArn}:PROD`,
    });
  });

  it('routes executions started on an alias by weight, reporting the alias and the version each ran', async () => {
    const { client } = emulator;
    const { v1, v2 } = await twoVersions(client, 'canary');
    const { stateMachineAliasArn } = await client.send(
      new CreateStateMachineAliasCommand({
        name: 'live',
        routingConfiguration: [
          { stateMachineVersionArn: v1, weight: 70 },
          { stateMachineVersionArn: v2, weight: 30 },
        ],
      }),
    );
    draws.push(0.1, 0.85, 0.6999, 0.7);

    const outcomes = [];
    for (const name of ['a', 'b', 'c', 'd']) {
      const { executionArn } = await client.send(new StartExecutionCommand({ stateMachineArn: stateMachineAliasArn, name }));
      const described = await untilClosed(client, executionArn!);
      outcomes.push([described.output, described.stateMachineVersionArn, described.stateMachineAliasArn]);
    }
    const byAlias = await client.send(new ListExecutionsCommand({ stateMachineArn: stateMachineAliasArn }));
    const byV2 = await client.send(new ListExecutionsCommand({ stateMachineArn: v2 }));

    expect(outcomes).toStrictEqual([
      ['"v1"', v1, stateMachineAliasArn],
      ['"v2"', v2, stateMachineAliasArn],
      ['"v1"', v1, stateMachineAliasArn],
      ['"v2"', v2, stateMachineAliasArn],
    ]);
    expect(byAlias.executions?.map((execution) => execution.name).sort()).toStrictEqual(['a', 'b', 'c', 'd']);
    expect(byV2.executions?.map((execution) => [execution.name, execution.stateMachineAliasArn]).sort()).toStrictEqual([
      ['b', stateMachineAliasArn],
      ['d', stateMachineAliasArn],
    ]);
  });

  it('refuses to delete a version an alias routes to', async () => {
    const { client } = emulator;
    const { v1, v2 } = await twoVersions(client, 'referenced');
    await client.send(
      new CreateStateMachineAliasCommand({ name: 'PROD', routingConfiguration: [{ stateMachineVersionArn: v1, weight: 100 }] }),
    );

    const refused = await errorOf(client.send(new DeleteStateMachineVersionCommand({ stateMachineVersionArn: v1 })));
    await client.send(new DeleteStateMachineVersionCommand({ stateMachineVersionArn: v2 }));

    expect(refused).toStrictEqual({
      name: 'ConflictException',
      message: 'Version to be deleted must not be referenced by an alias. Current list of aliases referencing this version: [PROD]',
    });
  });

  it.each<[string, (v: { stateMachineArn: string; v1: string; v2: string }) => RoutingConfigurationListItem[], string]>([
    [
      'weights not summing to 100',
      ({ v1, v2 }) => [
        { stateMachineVersionArn: v1, weight: 70 },
        { stateMachineVersionArn: v2, weight: 29 },
      ],
      'Sum of routing configuration weights must equal 100. Received: [70, 29]',
    ],
    [
      'an unqualified ARN',
      ({ stateMachineArn, v2 }) => [
        { stateMachineVersionArn: stateMachineArn, weight: 70 },
        { stateMachineVersionArn: v2, weight: 30 },
      ],
      'Routing configuration must contain state machine version ARNs. Received: [STATE_MACHINE, V2]',
    ],
    [
      'the same version twice',
      ({ v1 }) => [
        { stateMachineVersionArn: v1, weight: 50 },
        { stateMachineVersionArn: v1, weight: 50 },
      ],
      'Routing configuration must contain distinct state machine version ARNs. Received: [V1, V1]',
    ],
    [
      'a weight over 100',
      ({ v1 }) => [{ stateMachineVersionArn: v1, weight: 101 }],
      "1 validation error detected: Value '101' at 'routingConfiguration.1.member.weight' failed to satisfy constraint: Member must have value less than or equal to 100",
    ],
  ])('refuses a routing configuration with %s', async (_what, routes, message) => {
    const versions = await twoVersions(emulator.client, `routing-${Math.random().toString(36).slice(2, 8)}`);

    const error = await errorOf(
      emulator.client.send(new CreateStateMachineAliasCommand({ name: 'bad', routingConfiguration: routes(versions) })),
    );

    expect(error).toStrictEqual({
      name: 'ValidationException',
      message: message.replace('STATE_MACHINE', versions.stateMachineArn).replace('V2', versions.v2).replaceAll('V1', versions.v1),
    });
  });

  it('refuses three routes and an alias name made only of digits', async () => {
    const { client } = emulator;
    const { stateMachineArn, v1, v2 } = await twoVersions(client, 'limits');
    const v3 = (await client.send(new UpdateStateMachineCommand({ stateMachineArn, definition: returning('v3'), publish: true })))
      .stateMachineVersionArn!;

    const three = await errorOf(
      client.send(
        new CreateStateMachineAliasCommand({
          name: 'x',
          routingConfiguration: [v1, v2, v3].map((arn, i) => ({ stateMachineVersionArn: arn, weight: [50, 30, 20][i] })),
        }),
      ),
    );
    const digits = await errorOf(
      client.send(new CreateStateMachineAliasCommand({ name: '123', routingConfiguration: [{ stateMachineVersionArn: v1, weight: 100 }] })),
    );

    expect(three.message).toMatch(
      /at 'routingConfiguration' failed to satisfy constraint: Member must have length less than or equal to 2$/,
    );
    expect(digits.message).toBe(
      "1 validation error detected: Value '123' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: ^(?=.*[a-zA-Z_\\-\\.])[a-zA-Z0-9_\\-\\.]+$",
    );
  });

  it('deletes the versions and aliases of a deleted state machine', async () => {
    const { client } = emulator;
    const { stateMachineArn, v1 } = await twoVersions(client, 'doomed');
    const { stateMachineAliasArn } = await client.send(
      new CreateStateMachineAliasCommand({ name: 'PROD', routingConfiguration: [{ stateMachineVersionArn: v1, weight: 100 }] }),
    );

    await client.send(new DeleteStateMachineCommand({ stateMachineArn }));
    await client.send(new CreateStateMachineCommand({ name: 'doomed', definition: returning('fresh'), roleArn: ROLE }));
    const versions = await client.send(new ListStateMachineVersionsCommand({ stateMachineArn }));
    const alias = await errorOf(client.send(new DescribeStateMachineAliasCommand({ stateMachineAliasArn })));
    const published = await client.send(new PublishStateMachineVersionCommand({ stateMachineArn }));

    expect(versions.stateMachineVersions).toStrictEqual([]);
    expect(alias.name).toBe('ResourceNotFound');
    expect(published.stateMachineVersionArn).toBe(`${stateMachineArn}:1`);
  });
});

describe('versions and aliases across a restart', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'statecraft-versions-'));
  });

  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps versions, aliases, the version counter and what executions ran in the SQLite store', async () => {
    const first = await startEmulator({ dataDir });
    const { stateMachineArn, v1, v2 } = await twoVersions(first.client, 'durable');
    const { stateMachineAliasArn } = await first.client.send(
      new CreateStateMachineAliasCommand({ name: 'PROD', routingConfiguration: [{ stateMachineVersionArn: v1, weight: 100 }] }),
    );
    const { executionArn } = await first.client.send(new StartExecutionCommand({ stateMachineArn: stateMachineAliasArn }));
    await untilClosed(first.client, executionArn!);
    await first.client.send(new DeleteStateMachineVersionCommand({ stateMachineVersionArn: v2 }));
    await first.stop();

    const second = await startEmulator({ dataDir });
    const versions = await second.client.send(new ListStateMachineVersionsCommand({ stateMachineArn }));
    const alias = await second.client.send(new DescribeStateMachineAliasCommand({ stateMachineAliasArn }));
    const execution = await second.client.send(new DescribeExecutionCommand({ executionArn }));
    const forExecution = await second.client.send(new DescribeStateMachineForExecutionCommand({ executionArn }));
    const v1Described = await second.client.send(new DescribeStateMachineCommand({ stateMachineArn: v1 }));
    const next = await second.client.send(new UpdateStateMachineCommand({ stateMachineArn, definition: returning('v3'), publish: true }));
    await second.stop();

    expect(versions.stateMachineVersions?.map((version) => version.stateMachineVersionArn)).toStrictEqual([v1]);
    expect(alias.routingConfiguration).toStrictEqual([{ stateMachineVersionArn: v1, weight: 100 }]);
    expect(execution).toMatchObject({ output: '"v1"', stateMachineVersionArn: v1, stateMachineAliasArn });
    expect(forExecution).toMatchObject({ definition: returning('v1'), revisionId: v1Described.revisionId });
    expect(next.stateMachineVersionArn).toBe(`${stateMachineArn}:3`);
  });
});
