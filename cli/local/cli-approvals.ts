/**
 * The approval-request function for `statecraft run`: decides every approval at once when asked to
 * (--approve / --reject), otherwise says on stderr that the run waits for a decision.
 */
import type { Engine, TaskHandler } from '../../workflows/engine';

export type ApprovalMode = 'approve' | 'reject' | 'wait';

const DECIDED_BY = 'statecraft-cli';

/** The handler, and how many decisions are scheduled but not yet delivered (virtual time must wait for them). */
export type CliApprovals = { handler: TaskHandler; pending: () => number };

/** Decides approvals of runs on `engine()` according to `mode`. */
export function cliApprovals(engine: () => Engine, mode: ApprovalMode, report: (line: string) => void): CliApprovals {
  let pending = 0;
  const handler: TaskHandler = (_input, context) => {
    const token = context.taskToken;
    if (!token) throw new TypeError('approval-request must be called by a .waitForTaskToken task');
    if (mode === 'wait') {
      report(
        `approval requested at '${context.stateName}': waiting for a decision until it times out (use --approve or --reject to decide)`,
      );
      return {};
    }
    report(`approval requested at '${context.stateName}': ${mode === 'approve' ? 'approved' : 'rejected'} (--${mode})`);
    pending += 1;
    // The task starts waiting for its token once this handler has returned: decide just after.
    setImmediate(() => {
      pending -= 1;
      const outcome =
        mode === 'approve'
          ? { status: 'succeeded' as const, output: { approved: true, decidedBy: DECIDED_BY, comment: 'approved with --approve' } }
          : {
              status: 'failed' as const,
              error: 'Approval.Rejected',
              cause: JSON.stringify({ approved: false, decidedBy: DECIDED_BY, reason: 'rejected with --reject' }),
            };
      const delivered = engine().sendTaskCallback(token, { kind: 'outcome', outcome });
      if (!delivered.ok) report(`could not decide the approval at '${context.stateName}': ${delivered.code}: ${delivered.message}`);
    });
    return {};
  };
  return { handler, pending: () => pending };
}
