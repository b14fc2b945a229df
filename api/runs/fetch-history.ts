/** Every event of an execution's history, oldest first, following nextToken. */
import { GetExecutionHistoryCommand, type HistoryEvent, type SFNClient } from '@aws-sdk/client-sfn';
import { callSfn } from './map-sfn-error';

const PAGE_SIZE = 1000;

/** All events (for deriving status; clients page through `GET /history`). */
export async function fetchHistory(sfn: SFNClient, executionArn: string): Promise<HistoryEvent[]> {
  const events: HistoryEvent[] = [];
  let nextToken: string | undefined;
  do {
    const page = await callSfn(() => sfn.send(new GetExecutionHistoryCommand({ executionArn, maxResults: PAGE_SIZE, nextToken })));
    events.push(...(page.events ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return events;
}
