/** Who started a run: the ledger item, the parent's for a nested run, and never what an input claims. */
import { startApprovalHarness, type ApprovalHarness } from '../approvals/approval-harness';

describe('the requester of an approval', () => {
  let harness: ApprovalHarness;

  beforeAll(async () => {
    harness = await startApprovalHarness();
  });

  afterAll(() => harness.stop());

  it('is the starter of the parent run for a run a workflow started', async () => {
    const { approval } = await harness.startNested('r-train1', 'bob');

    expect(approval.runId).not.toBe('r-train1');
    expect(approval.requestedBy).toBe('bob');
  });

  it('stays unknown for a run started outside Statecraft that names a Statecraft run as its parent', async () => {
    const { executionArn: victim } = await harness.startRun('r-victim1', { startedBy: 'bob' });

    const { approval } = await harness.startOutside('r-forged1', {
      service: 'checkout',
      AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID: victim,
    });

    expect(approval.requestedBy).toBeUndefined();
  });
});
