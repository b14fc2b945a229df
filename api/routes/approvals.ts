/**
 * `/api/approvals`: list, read, approve and reject. Decisions go through decideApproval, the one
 * decision path; no response ever carries a task token.
 */
import type { SFNClient } from '@aws-sdk/client-sfn';
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { systemApprovalClock, type ApprovalClock } from '../approvals/approval-clock';
import type { OnApprovalEvent } from '../approvals/approval-event';
import type { ApprovalStore } from '../approvals/approval-store';
import { decideApproval, type DecisionInput } from '../approvals/decide-approval';
import { listApprovals } from '../approvals/list-approvals';
import { mayViewApproval } from '../approvals/may-view-approval';
import { publicApproval } from '../approvals/public-approval';
import { HttpError, type Caller } from '../errors';

/** What the routes need; `onApprovalEvent` hears each decision (live events). */
export type ApprovalsRouterDeps = { store: ApprovalStore; sfn: SFNClient; clock?: ApprovalClock; onApprovalEvent?: OnApprovalEvent };

/** The header the web console sets so its decisions are recorded with channel `console`. */
export const CHANNEL_HEADER = 'x-statecraft-channel';

const MAX_TEXT_LENGTH = 2000;

const listQuery = z.object({ status: z.enum(['pending', 'decided', 'expired']).optional(), runId: z.string().min(1).optional() });
const approveBody = z.object({ comment: z.string().max(MAX_TEXT_LENGTH).optional() });
const rejectBody = z.object({ reason: z.string().max(MAX_TEXT_LENGTH).optional() });
const callerShape = z.object({ user: z.string().min(1), groups: z.array(z.string()) });

/** The approvals routes, with full `/api/approvals` paths (mount with `app.use(approvalsRouter(deps))`). */
export function approvalsRouter({ store, sfn, clock = systemApprovalClock, onApprovalEvent }: ApprovalsRouterDeps): Router {
  const router = Router();

  router.get('/api/approvals', async (req, res) => {
    const caller = callerOf(res);
    const query = parse(listQuery, req.query);
    const approvals = await listApprovals(store, query, clock.now());
    res.json({ approvals: approvals.filter((approval) => mayViewApproval(approval, caller)) });
  });

  router.get('/api/approvals/:id', async (req, res) => {
    const caller = callerOf(res);
    const record = await store.get(req.params.id);
    if (!record) throw new HttpError(404, 'approval-not-found', `no approval ${req.params.id}`, { approvalId: req.params.id });
    if (!mayViewApproval(record, caller)) throw new HttpError(403, 'forbidden', `${caller.user} may not read approval ${record.approvalId}`, { approvalId: record.approvalId });
    res.json(publicApproval(record, clock.now()));
  });

  const decide = (outcome: 'approve' | 'reject') =>
    async function decideRoute(req: Request<{ id: string }>, res: Response): Promise<void> {
      const caller = callerOf(res);
      const body: unknown = req.body ?? {};
      const decision: DecisionInput = outcome === 'approve' ? { outcome, ...parse(approveBody, body) } : { outcome, ...parse(rejectBody, body) };
      const channel = req.get(CHANNEL_HEADER) === 'console' ? 'console' : 'api';
      res.json(await decideApproval({ store, sfn, clock, onApprovalEvent }, { approvalId: req.params.id, caller, decision, channel }));
    };
  router.post('/api/approvals/:id/approve', decide('approve'));
  router.post('/api/approvals/:id/reject', decide('reject'));

  return router;
}

/** The verified caller the auth middleware left on `res.locals`, or 401. */
function callerOf(res: Response): Caller {
  const parsed = callerShape.safeParse(res.locals.caller);
  if (!parsed.success) throw new HttpError(401, 'unauthenticated', 'a signed-in caller is required');
  return parsed.data;
}

/** Parses a query or body, or throws 400 naming the fields at fault. */
function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const detail = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`).join('; ');
  throw new HttpError(400, 'invalid-request', detail);
}
