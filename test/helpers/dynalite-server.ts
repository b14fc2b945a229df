/** Starts dynalite (the DynamoDB API over an in-memory LevelDB) on 127.0.0.1 and a free port. */
import { startLocalDynamoDb } from '../../cli/local/local-dynamodb';

/** A listening dynalite. */
export type RunningDynalite = { endpoint: string; stop(): Promise<void> };

/** Starts dynalite with tables active at once. */
export function startDynalite(): Promise<RunningDynalite> {
  return startLocalDynamoDb();
}
