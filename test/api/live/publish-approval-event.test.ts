import type { PublicApproval } from '../../../api/approvals/public-approval';
import type { LiveEvent } from '../../../api/live/live-event';
import { LiveHub } from '../../../api/live/live-hub';
import { publishApprovalEvent } from '../../../api/live/publish-approval-event';

const pending: PublicApproval = {
  approvalId: 'a1',
  runId: 'r1',
  executionArn: 'arn:aws:states:us-east-1:123456789012:execution:orders:r1',
  stateName: 'Approve',
  workflow: 'orders',
  approvers: { users: [], groups: ['finance'], allowRequester: false },
  message: 'refund 40 EUR?',
  input: { amount: 40 },
  requestedBy: 'dana',
  requesterKnown: true,
  requestedAt: '2024-01-01T00:00:00.000Z',
  status: 'pending',
};

function published(type: 'approval.requested' | 'approval.decided' | 'approval.cancelled', approval: PublicApproval): LiveEvent[] {
  const hub = new LiveHub();
  const got: LiveEvent[] = [];
  hub
    .connect(
      (event) => got.push(event),
      () => true,
    )
    .subscribe({ kind: 'all' });
  publishApprovalEvent(hub, { type, approval });
  return got;
}

describe('publishApprovalEvent', () => {
  it('publishes a request with who may decide and why, never the run input', () => {
    const [event] = published('approval.requested', pending);

    expect(event).toMatchObject({ type: 'approval.requested', runId: 'r1', workflow: 'orders' });
    expect(event?.data).toStrictEqual({
      approvalId: 'a1',
      stateName: 'Approve',
      status: 'pending',
      message: 'refund 40 EUR?',
      approvers: pending.approvers,
      requestedAt: pending.requestedAt,
      requestedBy: 'dana',
    });
  });

  it('publishes a decision with its outcome', () => {
    const decision = { outcome: 'approved' as const, decidedBy: 'fay', decidedAt: '2024-01-01T00:01:00.000Z', channel: 'api' as const };

    const [event] = published('approval.decided', { ...pending, status: 'approved', decision });

    expect(event?.data).toStrictEqual({ approvalId: 'a1', stateName: 'Approve', status: 'approved', decision });
  });

  it('publishes a cancellation with its reason', () => {
    const [event] = published('approval.cancelled', { ...pending, status: 'cancelled', cancelReason: 'ABORTED' });

    expect(event).toMatchObject({ type: 'approval.cancelled', runId: 'r1', workflow: 'orders' });
    expect(event?.data).toStrictEqual({ approvalId: 'a1', stateName: 'Approve', status: 'cancelled', reason: 'ABORTED' });
  });
});
