/** The approvals inbox: what waits for a decision (approve with a comment, reject with a reason), then the decided and cancelled ones. */
import { useState } from 'react';
import { api, ApiError } from '../api/api-client';
import { Problem } from '../components/problem';
import { RESYNC_EVENT } from '../live/live-socket';
import { useLive } from '../live/use-live';
import { useApi } from '../use-api';
import { hrefOf } from '../use-route';

type Approval = {
  approvalId: string;
  runId: string;
  workflow: string;
  stateName: string;
  message: string;
  input: unknown;
  requestedBy?: string;
  requestedAt: string;
  expiresAt?: string;
  status: string;
  mayDecide: boolean;
  decision?: { outcome: string; decidedBy: string; channel: string; comment?: string; reason?: string };
  cancelReason?: string;
};

export function ApprovalsPage() {
  const pending = useApi<{ approvals: Approval[] }>('/api/approvals?status=pending');
  const history = useApi<{ approvals: Approval[] }>('/api/approvals');
  const [problem, setProblem] = useState<string>();
  const [notes, setNotes] = useState<Record<string, string>>({});
  useLive({ all: true }, (event) => {
    if (!event.type.startsWith('approval.') && event.type !== RESYNC_EVENT) return;
    pending.reload();
    history.reload();
  });
  const decide = async (approval: Approval, outcome: 'approve' | 'reject') => {
    setProblem(undefined);
    const note = notes[approval.approvalId]?.trim();
    try {
      await api(`/api/approvals/${approval.approvalId}/${outcome}`, {
        method: 'POST',
        body: note ? (outcome === 'approve' ? { comment: note } : { reason: note }) : {},
      });
      pending.reload();
      history.reload();
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : String(error));
    }
  };
  if (pending.error) return <Problem message={pending.error} onRetry={pending.reload} />;
  const decided = (history.data?.approvals ?? []).filter((approval) => approval.status !== 'pending');
  return (
    <main>
      <h1>Approvals</h1>
      {problem && <Problem message={problem} />}
      {pending.data && pending.data.approvals.length === 0 && <p className="muted">Nothing waits for a decision.</p>}
      <ul className="cards" aria-label="Pending approvals">
        {(pending.data?.approvals ?? []).map((approval) => (
          <li key={approval.approvalId} className="card" data-approval={approval.approvalId}>
            <h2>
              {approval.workflow}: {approval.stateName}
            </h2>
            <p>{approval.message}</p>
            <p className="muted">
              <a href={hrefOf({ page: 'run', runId: approval.runId })}>{approval.runId}</a> · asked by{' '}
              {approval.requestedBy ?? 'someone outside Statecraft'} · {new Date(approval.requestedAt).toLocaleString()}
              {approval.expiresAt ? ` · expires ${new Date(approval.expiresAt).toLocaleString()}` : ''}
            </p>
            <details>
              <summary>Input</summary>
              <pre>{JSON.stringify(approval.input, null, 2)}</pre>
            </details>
            {approval.mayDecide ? (
              <>
                <label>
                  Comment or reason
                  <input
                    value={notes[approval.approvalId] ?? ''}
                    onChange={(event) => setNotes({ ...notes, [approval.approvalId]: event.target.value })}
                  />
                </label>
                <div className="actions">
                  <button type="button" className="primary" onClick={() => void decide(approval, 'approve')}>
                    Approve
                  </button>
                  <button type="button" onClick={() => void decide(approval, 'reject')}>
                    Reject
                  </button>
                </div>
              </>
            ) : (
              <p className="muted">{approval.requestedBy ? 'Waiting for another approver.' : 'Waiting for an approver.'}</p>
            )}
          </li>
        ))}
      </ul>
      <h2>Decided and cancelled</h2>
      <table className="runs">
        <thead>
          <tr>
            <th scope="col">Run</th>
            <th scope="col">Step</th>
            <th scope="col">Outcome</th>
            <th scope="col">By</th>
          </tr>
        </thead>
        <tbody>
          {decided.map((approval) => (
            <tr key={approval.approvalId}>
              <td>
                <a href={hrefOf({ page: 'run', runId: approval.runId })}>{approval.runId}</a>
              </td>
              <td>
                {approval.workflow}: {approval.stateName}
              </td>
              <td>
                {approval.status === 'cancelled' ? `cancelled (run ${approval.cancelReason?.toLowerCase() ?? 'ended'})` : approval.status}
              </td>
              <td>{approval.decision ? `${approval.decision.decidedBy} via ${approval.decision.channel}` : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
