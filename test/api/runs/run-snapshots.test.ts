import type { RunDetails, RunStatus } from '../../../api/runs/describe-run';
import { RunSnapshots, type RunSnapshot } from '../../../api/runs/run-snapshots';

const ARN = 'arn:aws:states:us-east-1:123456789012:execution:deploy-service:r-0a1b2c';

function snapshot(status: RunStatus, executionArn = ARN): RunSnapshot {
  const details: RunDetails = {
    runId: executionArn.slice(executionArn.lastIndexOf(':') + 1),
    workflow: 'deploy-service',
    executionArn,
    status,
    input: {},
    startedAt: '2026-11-26T12:00:00.000Z',
    currentStates: [],
    waitingForApproval: [],
    startedBy: 'dana',
    channel: 'api',
  };
  return { details, pendingApprovals: [] };
}

/** A loader that counts its calls and returns whatever `next` holds at the time. */
function loader(initial: RunSnapshot) {
  const state = { next: initial, calls: 0 };
  return { state, load: async () => (state.calls++, state.next) };
}

describe('RunSnapshots', () => {
  it('serves an unchanged run from memory and reads it again once the stack reports a change', async () => {
    const snapshots = new RunSnapshots({ tracksChanges: true });
    const { state, load } = loader(snapshot('RUNNING'));

    await snapshots.read('r-0a1b2c', load);
    await snapshots.read('r-0a1b2c', load);
    expect(state.calls).toBe(1);

    state.next = snapshot('WAITING_FOR_APPROVAL');
    snapshots.changed(ARN);
    await expect(snapshots.read('r-0a1b2c', load)).resolves.toMatchObject({ details: { status: 'WAITING_FOR_APPROVAL' } });
    expect(state.calls).toBe(2);
  });

  it('never keeps a read that overlapped a change of the run', async () => {
    const snapshots = new RunSnapshots({ tracksChanges: true });
    let release: () => void = () => undefined;
    const slowRead = snapshots.read(
      'r-0a1b2c',
      () => new Promise<RunSnapshot>((resolve) => (release = () => resolve(snapshot('RUNNING')))),
    );
    snapshots.changed(ARN);
    release();
    await slowRead;

    const { state, load } = loader(snapshot('SUCCEEDED'));
    await expect(snapshots.read('r-0a1b2c', load)).resolves.toMatchObject({ details: { status: 'SUCCEEDED' } });
    expect(state.calls).toBe(1);
  });

  it('keeps only final runs when nothing reports changes (the API on AWS)', async () => {
    const snapshots = new RunSnapshots({ tracksChanges: false });
    const running = loader(snapshot('RUNNING'));
    const failed = loader(snapshot('FAILED', `${ARN}f`));
    const succeeded = loader(snapshot('SUCCEEDED', `${ARN}s`));

    for (let i = 0; i < 2; i++) {
      await snapshots.read('r-0a1b2c', running.load);
      await snapshots.read('r-0a1b2cf', failed.load);
      await snapshots.read('r-0a1b2cs', succeeded.load);
    }

    expect([running.state.calls, failed.state.calls, succeeded.state.calls]).toEqual([2, 2, 1]);
  });

  it('ignores a change of a same-named run of another workflow', async () => {
    const snapshots = new RunSnapshots({ tracksChanges: true });
    const { state, load } = loader(snapshot('RUNNING'));
    await snapshots.read('r-0a1b2c', load);

    snapshots.changed('arn:aws:states:us-east-1:123456789012:execution:nightly-report:r-0a1b2c');
    await snapshots.read('r-0a1b2c', load);

    expect(state.calls).toBe(1);
  });

  it('stays within its capacity, and distrusts reads older than the changes it forgot', async () => {
    const snapshots = new RunSnapshots({ tracksChanges: true, capacity: 2 });
    let release: () => void = () => undefined;
    const slowRead = snapshots.read(
      'r-0a1b2c',
      () => new Promise<RunSnapshot>((resolve) => (release = () => resolve(snapshot('RUNNING')))),
    );
    snapshots.changed(ARN);
    snapshots.changed(`${ARN}x`);
    snapshots.changed(`${ARN}y`);
    release();
    await slowRead;

    const { state, load } = loader(snapshot('RUNNING'));
    await snapshots.read('r-0a1b2c', load);
    expect(state.calls).toBe(1);
    const others = ['a', 'b', 'c'].map((suffix) => loader(snapshot('RUNNING', `${ARN}${suffix}`)));
    for (const [index, other] of others.entries()) await snapshots.read(`r-0a1b2c${'abc'[index]}`, other.load);
    await snapshots.read('r-0a1b2c', load);
    expect(state.calls).toBe(2);
  });
});
