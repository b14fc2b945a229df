/**
 * The demo runs the chatbot's docs and scripted dialogs use (../shared/bot/README.md): fixed ids,
 * inputs that drive each workflow to the state the docs describe.
 */
import { dataBackfillExample, deployServiceExample, nightlyReportExample, orderFulfillmentExample } from '../../workflows/definitions';
import type { RunStatus } from '../../api/runs/describe-run';

/** One demo run: where it starts and the status it must reach (and hold). */
export type DemoRun = { runId: string; workflow: string; input: unknown; target: RunStatus; description: string };

/** The user who starts the demo runs (anyone else may then approve them: four-eyes). */
export const DEMO_USER = 'demo';
/** Admins may start every workflow, refund-request's finance-only one included. */
export const DEMO_GROUPS = ['admins'] as const;

/** Enough rows that each partition polls for hours (25,000 rows a poll, a poll a minute). */
const ROWS_FOR_HOURS = 5_000_000;

export const DEMO_RUNS: readonly DemoRun[] = [
  {
    runId: 'r-7f3a9c',
    workflow: 'deploy-service',
    input: { ...deployServiceExample, requestedBy: DEMO_USER },
    target: 'WAITING_FOR_APPROVAL',
    description: 'waiting for approval',
  },
  {
    runId: 'r-51be02',
    workflow: 'refund-request',
    input: { refundId: 'RF-30518', orderId: 'ORD-20077', amount: 899, reason: 'not-delivered', requestedBy: `support:${DEMO_USER}` },
    target: 'WAITING_FOR_APPROVAL',
    description: 'waiting for approval',
  },
  { runId: 'r-0c4d11', workflow: 'nightly-report', input: nightlyReportExample, target: 'SUCCEEDED', description: 'succeeded' },
  {
    runId: 'r-93e7aa',
    workflow: 'data-backfill',
    input: {
      ...dataBackfillExample,
      partitions: dataBackfillExample.partitions.map((partition) => ({ ...partition, rows: ROWS_FOR_HOURS })),
    },
    target: 'RUNNING',
    description: 'running (for hours)',
  },
  {
    runId: 'r-2b8f60',
    workflow: 'order-fulfillment',
    input: { ...orderFulfillmentExample, orderId: 'ORD-10077', payment: { card: 'declined' } },
    target: 'FAILED',
    description: 'failed (card declined)',
  },
];
