import { applyLiveEvents, newerThan } from '../../web/src/live/live-state-overlay';
import type { LiveEvent } from '../../web/src/live/live-socket';

const event = (seq: number, type: string, data: Record<string, unknown>): LiveEvent => ({
  type,
  seq,
  runId: 'r-1',
  workflow: 'w',
  time: '2026-01-01T00:00:00Z',
  data,
});

describe('applyLiveEvents', () => {
  it('marks entered states running, exited ones succeeded, and an approval waiting, keeping the seq that set each', () => {
    const overlay = applyLiveEvents(new Map(), [
      event(1, 'state.entered', { name: 'Build', stateType: 'Task' }),
      event(2, 'state.exited', { name: 'Build', stateType: 'Task' }),
      event(3, 'state.entered', { name: 'Approve', stateType: 'Task' }),
      event(4, 'run.status', { status: 'WAITING_FOR_APPROVAL', stateName: 'Approve' }),
      event(5, 'approval.requested', { approvalId: 'ap-1' }),
    ]);

    expect(Object.fromEntries(overlay)).toEqual({
      Build: { status: 'succeeded', seq: 2 },
      Approve: { status: 'waiting-for-approval', seq: 4 },
    });
    expect([...newerThan(overlay, 3).keys()]).toEqual(['Approve']);
  });
});
