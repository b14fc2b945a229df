/** Starts a run: the example input prefilled, the JSON checked before anything is sent. */
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/api-client';
import { hrefOf } from '../use-route';

export function StartRunForm({ workflow, example }: { workflow: string; example: unknown }) {
  const [text, setText] = useState(() => JSON.stringify(example ?? {}, null, 2));
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    let input: unknown;
    try {
      input = JSON.parse(text);
    } catch (error) {
      return setProblem(`The input is not valid JSON: ${(error as Error).message}`);
    }
    setBusy(true);
    setProblem(undefined);
    try {
      const run = await api<{ runId: string }>(`/api/workflows/${workflow}/runs`, { method: 'POST', body: { input } });
      window.location.hash = hrefOf({ page: 'run', runId: run.runId });
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="start-run" onSubmit={(event) => void submit(event)}>
      <label htmlFor="run-input">Input (JSON)</label>
      <textarea id="run-input" value={text} onChange={(event) => setText(event.target.value)} rows={10} spellCheck={false} />
      {problem && (
        <p role="alert" className="problem">
          {problem}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Starting…' : 'Start run'}
      </button>
    </form>
  );
}
