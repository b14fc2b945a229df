/**
 * `/api/approvals`: list, read, approve and reject. Every approval shown or decided passes the one
 * access rule; decisions go through decideApproval, the one decision path; no response ever
 * carries a task token.
 */
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { checkAccess } from '../access/access-rule';
import { enforceAccess } from '../access/enforce-access';
import { systemApprovalClock } from '../approvals/approval-clock';
import { approvalIdSchema, approveBody, listApprovalsQuery, rejectBody } from '../approvals/approval-schemas';
import { approvalSubject } from '../approvals/approval-subject';
import { approvalNotFound, decideApproval, type DecideApprovalDeps, type DecisionInput } from '../approvals/decide-approval';
import { listApprovals } from '../approvals/list-approvals';
import { publicApproval, type PublicApproval } from '../approvals/public-approval';
import { HttpError, type Caller } from '../errors';
import { callerOf } from '../middleware/caller-of';
import { parseQuery } from '../middleware/parse-query';
import { channelOf } from './channel-of';

/** What the routes need: what deciding needs (`onApprovalEvent` hears each decision, for live events). */
export type ApprovalsRouterDeps = DecideApprovalDeps;

const noQuery = z.strictObject({});

/** The approvals routes, with full `/api/approvals` paths (mount with `app.use(approvalsRouter(deps))`). */
export function approvalsRouter(deps: ApprovalsRouterDeps): Router {
  const { store, accessOf, clock = systemApprovalClock } = deps;
  const router = Router();
  /** Whether the caller may decide it now (pending, and the access rule and four-eyes allow): clients show buttons only then. */
  const mayDecide = (caller: Caller, approval: PublicApproval) =>
    approval.status === 'pending' && checkAccess(caller, 'decide', accessOf(approval.workflow), approvalSubject(approval)).allowed;

  router.get('/api/approvals', async (req, res) => {
    const caller = callerOf(res);
    const query = parseQuery(listApprovalsQuery, req.query);
    const approvals = await listApprovals(store, query, clock.now());
    const readable = approvals.filter(
      (approval) => checkAccess(caller, 'read', accessOf(approval.workflow), approvalSubject(approval)).allowed,
    );
    res.json({ approvals: readable.map((approval) => ({ ...approval, mayDecide: mayDecide(caller, approval) })) });
  });

  router.get('/api/approvals/:id', async (req, res) => {
    const caller = callerOf(res);
    parseQuery(noQuery, req.query);
    const approvalId = checkedId(req.params.id);
    const record = await store.get(approvalId);
    if (!record) throw approvalNotFound(approvalId);
    enforceAccess(checkAccess(caller, 'read', accessOf(record.workflow), approvalSubject(record)), () => approvalNotFound(approvalId));
    const approval = publicApproval(record, clock.now());
    res.json({ ...approval, mayDecide: mayDecide(caller, approval) });
  });

  const decide = (outcome: 'approve' | 'reject') =>
    async function decideRoute(req: Request<{ id: string }>, res: Response): Promise<void> {
      const caller = callerOf(res);
      parseQuery(noQuery, req.query);
      const approvalId = checkedId(req.params.id);
      const body: unknown = req.body ?? {};
      const decision: DecisionInput =
        outcome === 'approve' ? { outcome, ...parseBody(approveBody, body) } : { outcome, ...parseBody(rejectBody, body) };
      res.json(await decideApproval({ ...deps, clock }, { approvalId, caller, decision, channel: channelOf(req) }));
    };
  router.post('/api/approvals/:id/approve', decide('approve'));
  router.post('/api/approvals/:id/reject', decide('reject'));

  return router;
}

/** The approval id, or 400 before it reaches DynamoDB. */
function checkedId(id: string): string {
  if (!approvalIdSchema.safeParse(id).success)
    throw new HttpError(400, 'invalid-approval-id', "approval ids look like 'ap-' and 8 hex digits, e.g. ap-1f2e3d4c", {
      approvalId: id.slice(0, 100),
    });
  return id;
}

/** Parses a body, or throws 400 naming the fields at fault. */
function parseBody<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const detail = parsed.error.issues.map((issue) => `body field '${issue.path.join('.') || '(body)'}': ${issue.message}`).join('; ');
  throw new HttpError(400, 'invalid-request', detail);
}
