/** What bench/api.ts and its stack process tell each other over IPC, and the POST scenario both use. */
import { nightlyReportExample } from '../workflows/definitions';

/** What the benchmark asks the stack for (its argv[2], as JSON). */
export type StackRequest = { runs: number; seedWorkflow: string };

/** The stack's progress while it stores runs, then `ready` with what to load. */
export type StackMessage =
  | { type: 'progress'; text: string }
  | {
      type: 'ready';
      apiUrl: string;
      token: string;
      succeededRunId: string;
      waitingRunId: string;
      seededIn: { startedMs: number; finishedMs: number; count: number };
    };

/** The workflow the POST scenario starts, with its example input. */
export const POST_WORKFLOW = 'nightly-report';
export const POST_INPUT = nightlyReportExample;
