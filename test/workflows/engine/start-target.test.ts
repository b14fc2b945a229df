import { MemoryExecutionStore } from '../../../workflows/engine';
import { pickVersion, resolveStartTarget } from '../../../workflows/engine/start-target';

const MACHINE = 'arn:aws:states:us-east-1:123456789012:stateMachine:m';
const ROUTES = [
  { stateMachineVersionArn: `${MACHINE}:1`, weight: 70 },
  { stateMachineVersionArn: `${MACHINE}:2`, weight: 30 },
];

function storeWithVersions(): MemoryExecutionStore {
  const store = new MemoryExecutionStore();
  store.putStateMachine({
    arn: MACHINE,
    name: 'm',
    type: 'STANDARD',
    definition: 'latest',
    roleArn: 'role',
    createdAt: 1,
    updatedAt: 5,
    revisionId: 'r3',
  });
  for (const version of [1, 2]) {
    store.putStateMachineVersion({
      arn: `${MACHINE}:${version}`,
      stateMachineArn: MACHINE,
      version,
      type: 'STANDARD',
      definition: `v${version}`,
      roleArn: 'role',
      revisionId: `r${version}`,
      revisionDate: version,
      createdAt: version,
    });
  }
  store.putStateMachineAlias({
    arn: `${MACHINE}:live`,
    stateMachineArn: MACHINE,
    name: 'live',
    routingConfiguration: ROUTES,
    createdAt: 3,
    updatedAt: 3,
  });
  return store;
}

describe('pickVersion', () => {
  it.each([
    [0, '1'],
    [0.6999, '1'],
    [0.7, '2'],
    [0.9999, '2'],
  ])('sends a draw of %d to version %s of a 70/30 alias', (draw, version) => {
    expect(pickVersion(ROUTES, draw)).toBe(`${MACHINE}:${version}`);
  });

  it('never picks a route of weight 0', () => {
    expect(
      pickVersion(
        [
          { stateMachineVersionArn: 'a', weight: 0 },
          { stateMachineVersionArn: 'b', weight: 100 },
        ],
        0,
      ),
    ).toBe('b');
  });
});

describe('resolveStartTarget', () => {
  it('runs the current revision for an unqualified ARN, with no version', () => {
    const target = resolveStartTarget(storeWithVersions(), MACHINE, () => 0);

    expect(target).toMatchObject({ definition: 'latest', revisionId: 'r3', revisionDate: 5 });
    expect(target?.versionArn).toBeUndefined();
  });

  it('runs the version a version ARN names, and the version an alias draws', () => {
    const store = storeWithVersions();

    const version = resolveStartTarget(store, `${MACHINE}:1`, () => 0.9);
    const alias = resolveStartTarget(store, `${MACHINE}:live`, () => 0.9);

    expect(version).toMatchObject({ definition: 'v1', revisionId: 'r1', versionArn: `${MACHINE}:1` });
    expect(version?.aliasArn).toBeUndefined();
    expect(alias).toMatchObject({ definition: 'v2', revisionId: 'r2', versionArn: `${MACHINE}:2`, aliasArn: `${MACHINE}:live` });
  });

  it.each([`${MACHINE}:9`, `${MACHINE}:nope`, `${MACHINE}:0`, 'arn:aws:states:us-east-1:123456789012:stateMachine:other:1'])(
    'finds nothing to start for %s',
    (arn) => {
      expect(resolveStartTarget(storeWithVersions(), arn, () => 0)).toBeUndefined();
    },
  );
});
