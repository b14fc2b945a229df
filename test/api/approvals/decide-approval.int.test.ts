import { GetExecutionHistoryCommand, StopExecutionCommand } from '@aws-sdk/client-sfn';
import { cancelApprovalsOfRun } from '../../../api/approvals/cancel-approvals-of-run';
import type { ApprovalEvent } from '../../../api/approvals/approval-event';
import { decideApproval, type DecisionRequest } from '../../../api/approvals/decide-approval';
import { HttpError } from '../../../api/errors';
import { APPROVAL_TIMEOUT_MS, startApprovalHarness, type ApprovalHarness } from './approval-harness';

const ALICE = { user: 'alice', groups: [] };
const BOB_APPROVER = { user: 'bob', groups: ['approvers'] };

async function refusal(promise: Promise<unknown>): Promise<{ status: number; code: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HttpError) return { status: error.status, code: error.code };
    throw error;
  }
  throw new Error('expected the decision to be refused');
}

describe('decideApproval against dynalite and the Step Functions emulator', () => {
  let harness: ApprovalHarness;
  let runs = 0;
  const nextRunId = () => `r-decide${(runs += 1)}`;
  const deps = () => ({ store: harness.store, sfn: harness.sfn, accessOf: harness.accessOf, clock: harness.apiClock });
  const decide = (request: DecisionRequest) => decideApproval(deps(), request);

  beforeAll(async () => {
    harness = await startApprovalHarness();
  });

  afterAll(() => harness.stop());

  afterEach(() => {
    harness.apiClock.skew = 0;
  });

  it('lets a named approver approve, records the decision and continues the run with the decision at $.approval', async () => {
    const { executionArn, approval } = await harness.startRun(nextRunId());

    const decided = await decide({
      approvalId: approval.approvalId,
      caller: ALICE,
      decision: { outcome: 'approve', comment: 'ship it' },
      channel: 'api',
    });
    const run = await harness.finished(executionArn);

    expect(decided.status).toBe('approved');
    expect(decided.requestedBy).toBe('dana');
    expect(decided.decision).toStrictEqual({
      outcome: 'approved',
      decidedBy: 'alice',
      decidedAt: new Date(harness.apiClock.now()).toISOString(),
      channel: 'api',
      comment: 'ship it',
    });
    expect(JSON.stringify(decided)).not.toContain(approval.taskToken);
    expect(run.status).toBe('SUCCEEDED');
    expect(JSON.parse(run.output ?? '{}').approval).toStrictEqual({ approved: true, decidedBy: 'alice', comment: 'ship it' });
    expect((await harness.store.get(approval.approvalId))?.status).toBe('approved');
  });

  it('lets a member of an approver group reject, and the run sees Approval.Rejected', async () => {
    const { executionArn, approval } = await harness.startRun(nextRunId());

    await decide({
      approvalId: approval.approvalId,
      caller: BOB_APPROVER,
      decision: { outcome: 'reject', reason: 'freeze' },
      channel: 'console',
    });
    const run = await harness.finished(executionArn);
    const history = await harness.sfn.send(new GetExecutionHistoryCommand({ executionArn }));

    expect(run.status).toBe('FAILED');
    expect(run.error).toBe('ReleaseRejected');
    expect(JSON.parse(run.cause ?? '{}')).toStrictEqual({ approved: false, decidedBy: 'bob', reason: 'freeze' });
    expect(history.events?.some((event) => event.taskFailedEventDetails?.error === 'Approval.Rejected')).toBe(true);
  });

  it('refuses a caller who is neither a named user nor in an approver group with 403', async () => {
    const { approval } = await harness.startRun(nextRunId());

    const refused = await refusal(
      decide({
        approvalId: approval.approvalId,
        caller: { user: 'mallory', groups: ['operators'] },
        decision: { outcome: 'approve' },
        channel: 'api',
      }),
    );

    expect(refused).toStrictEqual({ status: 403, code: 'approval-not-allowed' });
    expect((await harness.store.get(approval.approvalId))?.status).toBe('pending');
  });

  it('refuses the starter of the run with 403 when allowRequester is false', async () => {
    const { approval } = await harness.startRun(nextRunId(), { startedBy: 'bob' });

    const refused = await refusal(
      decide({ approvalId: approval.approvalId, caller: BOB_APPROVER, decision: { outcome: 'approve' }, channel: 'api' }),
    );

    expect(approval.requestedBy).toBe('bob');
    expect(refused).toStrictEqual({ status: 403, code: 'approval-requester-not-allowed' });
  });

  it('takes the requester from the run ledger, never from a requestedBy the starter wrote into the input', async () => {
    const { approval } = await harness.startRun(nextRunId(), {
      startedBy: 'bob',
      input: { service: 'checkout', requestedBy: 'support:dana', startedBy: 'dana' },
    });

    const refused = await refusal(
      decide({ approvalId: approval.approvalId, caller: BOB_APPROVER, decision: { outcome: 'approve' }, channel: 'api' }),
    );

    expect(approval.requestedBy).toBe('bob');
    expect(refused).toStrictEqual({ status: 403, code: 'approval-requester-not-allowed' });
  });

  it('lets an approver decide a run started outside Statecraft, recording that the requester was unknown', async () => {
    const { approval } = await harness.startOutside(nextRunId(), { service: 'checkout', requestedBy: 'mallory' });

    const decided = await decide({
      approvalId: approval.approvalId,
      caller: BOB_APPROVER,
      decision: { outcome: 'approve' },
      channel: 'api',
    });

    expect(approval.requestedBy).toBeUndefined();
    expect(decided.requesterKnown).toBe(false);
    expect(decided.decision).toMatchObject({ decidedBy: 'bob', requesterUnknown: true });
  });

  it('refuses to decide a run of unknown starter when the workflow requires a known requester', async () => {
    const { approval } = await harness.startOutside(nextRunId());
    const strict = { ...deps(), accessOf: (workflow: string) => ({ ...harness.accessOf(workflow), requireKnownRequester: true }) };

    const refused = await refusal(
      decideApproval(strict, { approvalId: approval.approvalId, caller: BOB_APPROVER, decision: { outcome: 'approve' }, channel: 'api' }),
    );

    expect(refused).toStrictEqual({ status: 403, code: 'approval-requester-unknown' });
    expect((await harness.store.get(approval.approvalId))?.status).toBe('pending');
  });

  it('cancels the approval when its run is stopped, and refuses a later decision with 409 saying why', async () => {
    const { executionArn, approval } = await harness.startRun(nextRunId());
    await harness.sfn.send(new StopExecutionCommand({ executionArn }));
    const heard: ApprovalEvent[] = [];

    const cancelled = await cancelApprovalsOfRun(
      { store: harness.store, clock: harness.apiClock, onApprovalEvent: (event) => heard.push(event) },
      executionArn,
      'ABORTED',
    );
    const refused = await decide({
      approvalId: approval.approvalId,
      caller: ALICE,
      decision: { outcome: 'approve' },
      channel: 'api',
    }).catch((error: HttpError) => error);

    expect(cancelled.map((each) => each.approvalId)).toStrictEqual([approval.approvalId]);
    expect(heard).toMatchObject([
      { type: 'approval.cancelled', approval: { approvalId: approval.approvalId, status: 'cancelled', cancelReason: 'ABORTED' } },
    ]);
    expect(refused).toBeInstanceOf(HttpError);
    expect((refused as HttpError).status).toBe(409);
    expect((refused as HttpError).code).toBe('approval-cancelled');
    expect((refused as HttpError).message).toContain('ABORTED');
  });

  it('tells onApprovalEvent approval.decided once the run has the decision, and nothing for a refused one', async () => {
    const { approval } = await harness.startRun(nextRunId());
    const heard: ApprovalEvent[] = [];
    const listening = { ...deps(), onApprovalEvent: (event: ApprovalEvent) => heard.push(event) };

    await decideApproval(listening, {
      approvalId: approval.approvalId,
      caller: ALICE,
      decision: { outcome: 'approve', comment: 'ok' },
      channel: 'api',
    });
    await refusal(
      decideApproval(listening, { approvalId: approval.approvalId, caller: BOB_APPROVER, decision: { outcome: 'reject' }, channel: 'api' }),
    );

    expect(heard).toHaveLength(1);
    expect(heard[0]).toMatchObject({
      type: 'approval.decided',
      approval: { approvalId: approval.approvalId, status: 'approved', decision: { decidedBy: 'alice', comment: 'ok' } },
    });
    expect(JSON.stringify(heard)).not.toContain(approval.taskToken);
  });

  it('refuses a second decision with 409', async () => {
    const { approval } = await harness.startRun(nextRunId());
    await decide({ approvalId: approval.approvalId, caller: ALICE, decision: { outcome: 'approve' }, channel: 'api' });

    const refused = await refusal(
      decide({ approvalId: approval.approvalId, caller: BOB_APPROVER, decision: { outcome: 'reject' }, channel: 'api' }),
    );

    expect(refused).toStrictEqual({ status: 409, code: 'approval-already-decided' });
  });

  it('refuses a decision after the expiry with 410, and the run times out', async () => {
    const { executionArn, approval } = await harness.startRun(nextRunId());
    await harness.engineClock.advance(APPROVAL_TIMEOUT_MS);

    const refused = await refusal(
      decide({ approvalId: approval.approvalId, caller: ALICE, decision: { outcome: 'approve' }, channel: 'api' }),
    );
    const run = await harness.finished(executionArn);

    expect(refused).toStrictEqual({ status: 410, code: 'approval-expired' });
    expect(run.error).toBe('ApprovalExpired');
  });

  it('answers 410 and stores the approval as expired when Step Functions says the task timed out', async () => {
    const { executionArn, approval } = await harness.startRun(nextRunId());
    await harness.engineClock.advance(APPROVAL_TIMEOUT_MS);
    await harness.finished(executionArn);
    harness.apiClock.skew = -APPROVAL_TIMEOUT_MS;

    const refused = await refusal(
      decide({ approvalId: approval.approvalId, caller: ALICE, decision: { outcome: 'approve' }, channel: 'api' }),
    );

    expect(refused).toStrictEqual({ status: 410, code: 'approval-expired' });
    expect((await harness.store.get(approval.approvalId))?.status).toBe('expired');
  });

  it('lets exactly one of a concurrent approve and reject win', async () => {
    const { executionArn, approval } = await harness.startRun(nextRunId());

    const outcomes = await Promise.allSettled([
      decide({ approvalId: approval.approvalId, caller: ALICE, decision: { outcome: 'approve' }, channel: 'api' }),
      decide({ approvalId: approval.approvalId, caller: BOB_APPROVER, decision: { outcome: 'reject' }, channel: 'chat' }),
    ]);
    const run = await harness.finished(executionArn);
    const winners = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    const losers = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
    const stored = await harness.store.get(approval.approvalId);

    expect(winners).toHaveLength(1);
    expect(losers.map((error: HttpError) => error.code)).toStrictEqual(['approval-already-decided']);
    expect(run.status).toBe(stored?.status === 'approved' ? 'SUCCEEDED' : 'FAILED');
  });

  it('answers 404 for an unknown approval', async () => {
    const refused = await refusal(decide({ approvalId: 'ap-00000000', caller: ALICE, decision: { outcome: 'approve' }, channel: 'api' }));

    expect(refused).toStrictEqual({ status: 404, code: 'approval-not-found' });
  });
});
