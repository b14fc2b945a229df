/** Who started a run, from the run ledger only: the verified caller of the start, never the run's input. */
import { runIdOf } from '../catalogue/workflow-catalogue';
import type { RunLedger } from './run-ledger';

/** The starter of the execution, or undefined when it was started outside Statecraft. */
export async function starterOf(ledger: RunLedger, executionArn: string): Promise<string | undefined> {
  const item = await ledger.get(runIdOf(executionArn));
  return item?.executionArn === executionArn ? item.startedBy : undefined;
}
