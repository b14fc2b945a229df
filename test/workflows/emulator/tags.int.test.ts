/**
 * Tags of state machines and activities through the real SDK client against the real server:
 * given at creation, changed with TagResource/UntagResource, read with ListTagsForResource, kept
 * across a restart, and every refusal (API reference: TagResource, UntagResource,
 * ListTagsForResource, Tag; 50 tags per resource from the service quotas page).
 */
import {
  CreateActivityCommand,
  CreateStateMachineCommand,
  DeleteActivityCommand,
  DeleteStateMachineCommand,
  ListTagsForResourceCommand,
  TagResourceCommand,
  UntagResourceCommand,
  type SFNClient,
  type Tag,
} from '@aws-sdk/client-sfn';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '../../helpers/emulator-server';
import { errorOf } from '../../helpers/sfn-client';

const ROLE = 'arn:aws:iam::123456789012:role/test';
const PASS = JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } });
const ACCOUNT = 'arn:aws:states:us-east-1:123456789012';

async function tagsOf(client: SFNClient, resourceArn: string): Promise<Tag[] | undefined> {
  return (await client.send(new ListTagsForResourceCommand({ resourceArn }))).tags;
}

function manyTags(count: number, prefix = 'k'): Tag[] {
  return Array.from({ length: count }, (_, index) => ({ key: `${prefix}${index}`, value: `v${index}` }));
}

describe('tags', () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startEmulator();
  });

  afterAll(() => emulator.stop());

  it('reads back the tags given at CreateStateMachine and CreateActivity', async () => {
    const { client } = emulator;

    const machine = await client.send(
      new CreateStateMachineCommand({
        name: 'tagged',
        definition: PASS,
        roleArn: ROLE,
        tags: [
          { key: 'team', value: 'core' },
          { key: 'env', value: 'dev' },
        ],
      }),
    );
    const activity = await client.send(
      new CreateActivityCommand({
        name: 'tagged',
        tags: [
          { key: 'owner', value: 'ops@example.com' },
          { key: 'empty', value: '' },
        ],
      }),
    );
    const untagged = await client.send(new CreateStateMachineCommand({ name: 'untagged', definition: PASS, roleArn: ROLE }));

    expect(await tagsOf(client, machine.stateMachineArn!)).toStrictEqual([
      { key: 'team', value: 'core' },
      { key: 'env', value: 'dev' },
    ]);
    expect(await tagsOf(client, activity.activityArn!)).toStrictEqual([
      { key: 'owner', value: 'ops@example.com' },
      { key: 'empty', value: '' },
    ]);
    expect(await tagsOf(client, untagged.stateMachineArn!)).toStrictEqual([]);
  });

  it('adds, replaces and removes tags with TagResource and UntagResource', async () => {
    const { client } = emulator;
    const { stateMachineArn } = await client.send(
      new CreateStateMachineCommand({
        name: 'retagged',
        definition: PASS,
        roleArn: ROLE,
        tags: [
          { key: 'a', value: '1' },
          { key: 'b', value: '2' },
        ],
      }),
    );
    const { activityArn } = await client.send(new CreateActivityCommand({ name: 'retagged' }));

    await client.send(
      new TagResourceCommand({
        resourceArn: stateMachineArn,
        tags: [
          { key: 'b', value: 'two' },
          { key: 'c', value: '3' },
        ],
      }),
    );
    await client.send(new UntagResourceCommand({ resourceArn: stateMachineArn, tagKeys: ['a', 'not-there'] }));
    await client.send(
      new TagResourceCommand({ resourceArn: activityArn, tags: [{ key: 'Name', value: 'worker pool: blue/green = +1 @home_1.0' }] }),
    );
    await client.send(new TagResourceCommand({ resourceArn: activityArn, tags: [] }));

    expect(await tagsOf(client, stateMachineArn!)).toStrictEqual([
      { key: 'b', value: 'two' },
      { key: 'c', value: '3' },
    ]);
    expect(await tagsOf(client, activityArn!)).toStrictEqual([{ key: 'Name', value: 'worker pool: blue/green = +1 @home_1.0' }]);
  });

  it('ignores the tags of a repeated CreateActivity and drops the tags of deleted resources', async () => {
    const { client } = emulator;
    const { activityArn } = await client.send(new CreateActivityCommand({ name: 'kept', tags: [{ key: 'first', value: '1' }] }));
    await client.send(new CreateActivityCommand({ name: 'kept', tags: [{ key: 'second', value: '2' }] }));
    const afterRepeat = await tagsOf(client, activityArn!);
    const { stateMachineArn } = await client.send(
      new CreateStateMachineCommand({ name: 'recreated', definition: PASS, roleArn: ROLE, tags: [{ key: 'old', value: 'x' }] }),
    );

    await client.send(new DeleteStateMachineCommand({ stateMachineArn }));
    await client.send(new DeleteActivityCommand({ activityArn }));
    await client.send(new CreateStateMachineCommand({ name: 'recreated', definition: PASS, roleArn: ROLE }));
    await client.send(new CreateActivityCommand({ name: 'kept' }));

    expect(afterRepeat).toStrictEqual([{ key: 'first', value: '1' }]);
    expect(await tagsOf(client, stateMachineArn!)).toStrictEqual([]);
    expect(await tagsOf(client, activityArn!)).toStrictEqual([]);
  });

  it('refuses more than 50 tags per resource with TooManyTags', async () => {
    const { client } = emulator;
    const { stateMachineArn } = await client.send(
      new CreateStateMachineCommand({ name: 'crowded', definition: PASS, roleArn: ROLE, tags: manyTags(50) }),
    );

    const onCreate = await errorOf(
      client.send(new CreateStateMachineCommand({ name: 'overfull', definition: PASS, roleArn: ROLE, tags: manyTags(51) })),
    );
    const onActivity = await errorOf(client.send(new CreateActivityCommand({ name: 'overfull', tags: manyTags(51) })));
    const onTag = await errorOf(
      client.send(new TagResourceCommand({ resourceArn: stateMachineArn, tags: [{ key: 'one-more', value: 'x' }] })),
    );
    await client.send(new TagResourceCommand({ resourceArn: stateMachineArn, tags: [{ key: 'k0', value: 'replaced' }] }));
    const tags = await tagsOf(client, stateMachineArn!);
    const overfull = await errorOf(client.send(new ListTagsForResourceCommand({ resourceArn: `${ACCOUNT}:stateMachine:overfull` })));

    expect(onCreate).toMatchObject({ name: 'TooManyTags', resourceName: `${ACCOUNT}:stateMachine:overfull` });
    expect(onActivity).toMatchObject({ name: 'TooManyTags', resourceName: `${ACCOUNT}:activity:overfull` });
    expect(onTag).toMatchObject({ name: 'TooManyTags', resourceName: stateMachineArn });
    expect(tags).toHaveLength(50);
    expect(tags?.[0]).toStrictEqual({ key: 'k0', value: 'replaced' });
    expect(overfull.name).toBe('ResourceNotFound');
  });

  it.each([
    [
      'an unknown state machine',
      `${ACCOUNT}:stateMachine:ghost`,
      'ResourceNotFound',
      `Resource not found: '${ACCOUNT}:stateMachine:ghost'`,
    ],
    ['an unknown activity', `${ACCOUNT}:activity:ghost`, 'ResourceNotFound', `Resource not found: '${ACCOUNT}:activity:ghost'`],
    ['an execution ARN', `${ACCOUNT}:execution:ghost:run`, 'InvalidArn', `Invalid Arn: '${ACCOUNT}:execution:ghost:run'`],
    ['a malformed ARN', 'ghost', 'InvalidArn', "Invalid Arn: 'ghost'"],
  ])('refuses %s in TagResource, UntagResource and ListTagsForResource', async (_, resourceArn, name, message) => {
    const { client } = emulator;

    const refusals = await Promise.all([
      errorOf(client.send(new TagResourceCommand({ resourceArn, tags: [{ key: 'k', value: 'v' }] }))),
      errorOf(client.send(new UntagResourceCommand({ resourceArn, tagKeys: ['k'] }))),
      errorOf(client.send(new ListTagsForResourceCommand({ resourceArn }))),
    ]);

    for (const refusal of refusals) expect(refusal).toMatchObject({ name, message });
    if (name === 'ResourceNotFound') for (const refusal of refusals) expect(refusal.resourceName).toBe(resourceArn);
  });

  it.each([
    [
      'a key over 128 characters',
      [{ key: 'k'.repeat(129), value: 'v' }],
      `Value '${'k'.repeat(129)}' at 'tags.1.member.key' failed to satisfy constraint: Member must have length less than or equal to 128`,
    ],
    [
      'an empty key',
      [{ key: '', value: 'v' }],
      "Value '' at 'tags.1.member.key' failed to satisfy constraint: Member must have length greater than or equal to 1",
    ],
    ['a missing key', [{ value: 'v' }], "Value null at 'tags.1.member.key' failed to satisfy constraint: Member must not be null"],
    [
      'a value over 256 characters',
      [{ key: 'k', value: 'v'.repeat(257) }],
      `Value '${'v'.repeat(257)}' at 'tags.1.member.value' failed to satisfy constraint: Member must have length less than or equal to 256`,
    ],
    [
      'a key with a forbidden character',
      [
        { key: 'ok', value: 'v' },
        { key: 'a#b', value: 'v' },
      ],
      "Value 'a#b' at 'tags.2.member.key' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*$",
    ],
  ])('refuses %s with ValidationException', async (_, tags, problem) => {
    const { client } = emulator;
    const { stateMachineArn } = await client.send(new CreateStateMachineCommand({ name: 'validated', definition: PASS, roleArn: ROLE }));

    const onTag = await errorOf(client.send(new TagResourceCommand({ resourceArn: stateMachineArn, tags })));
    const onCreate = await errorOf(client.send(new CreateActivityCommand({ name: 'validated', tags })));

    expect(onTag).toStrictEqual({ name: 'ValidationException', message: `1 validation error detected: ${problem}` });
    expect(onCreate.message).toBe(onTag.message);
  });

  it('refuses UntagResource without tagKeys and with an over-long key', async () => {
    const { client } = emulator;
    const { stateMachineArn } = await client.send(
      new CreateStateMachineCommand({ name: 'untag-refusals', definition: PASS, roleArn: ROLE }),
    );

    const missing = await errorOf(client.send(new UntagResourceCommand({ resourceArn: stateMachineArn, tagKeys: undefined })));
    const long = await errorOf(client.send(new UntagResourceCommand({ resourceArn: stateMachineArn, tagKeys: ['x'.repeat(129)] })));

    expect(missing).toMatchObject({
      name: 'ValidationException',
      message: "1 validation error detected: Value null at 'tagKeys' failed to satisfy constraint: Member must not be null",
    });
    expect(long).toMatchObject({
      name: 'ValidationException',
      message: `1 validation error detected: Value '${'x'.repeat(129)}' at 'tagKeys.1.member' failed to satisfy constraint: Member must have length less than or equal to 128`,
    });
  });
});

describe('tags across a restart', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'statecraft-tags-'));
  });

  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps the tags of state machines and activities in the SQLite store', async () => {
    const first = await startEmulator({ dataDir });
    const { stateMachineArn } = await first.client.send(
      new CreateStateMachineCommand({ name: 'durable', definition: PASS, roleArn: ROLE, tags: [{ key: 'a', value: '1' }] }),
    );
    const { activityArn } = await first.client.send(new CreateActivityCommand({ name: 'durable', tags: [{ key: 'b', value: '2' }] }));
    await first.client.send(new TagResourceCommand({ resourceArn: stateMachineArn, tags: [{ key: 'c', value: '3' }] }));
    await first.client.send(new UntagResourceCommand({ resourceArn: activityArn, tagKeys: ['b'] }));
    await first.client.send(new TagResourceCommand({ resourceArn: activityArn, tags: [{ key: 'd', value: '4' }] }));
    await first.stop();

    const second = await startEmulator({ dataDir });
    const machineTags = await tagsOf(second.client, stateMachineArn!);
    const activityTags = await tagsOf(second.client, activityArn!);
    await second.stop();

    expect(machineTags).toStrictEqual([
      { key: 'a', value: '1' },
      { key: 'c', value: '3' },
    ]);
    expect(activityTags).toStrictEqual([{ key: 'd', value: '4' }]);
  });
});
