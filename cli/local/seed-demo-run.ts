/** Seeds one demo run through the REST API (idempotent: the same id and input find the existing run) and waits for its state. */
import { problemText, type ApiClient } from './api-client';
import type { DemoRun } from './demo-runs';

/** Final statuses: a run in one of them never reaches another. */
const FINAL = ['SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED'];
const POLL_MS = 100;

/** Whether the run is in its state, or why not. */
export type SeedOutcome = { ok: true } | { ok: false; problem: string };

/** Starts the run (or finds it) and waits until it reaches its target status. */
export async function seedDemoRun(api: ApiClient, run: DemoRun, timeoutMs: number): Promise<SeedOutcome> {
  const started = await api.post(`/api/workflows/${run.workflow}/runs`, { runId: run.runId, input: run.input });
  if (started.status === 409)
    return { ok: false, problem: `already exists with another input or workflow: ${problemText(started.body) ?? ''}` };
  if (started.status >= 400) return { ok: false, problem: `could not start: ${problemText(started.body) ?? started.status}` };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { body } = await api.get(`/api/runs/${run.runId}`);
    const status = String(body.status);
    if (status === run.target) return { ok: true };
    if (FINAL.includes(status)) return { ok: false, problem: `is ${status}, not ${run.target}` };
    if (Date.now() > deadline) return { ok: false, problem: `still ${status} after ${timeoutMs / 1000} s, not ${run.target}` };
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
