/** The task token an execution's approval task was given, read from the engine's own history (tests assert it never leaks). */
import { GetExecutionHistoryCommand, type SFNClient } from '@aws-sdk/client-sfn';

/** The token in the first TaskScheduled parameters carrying one; throws when there is none yet. */
export async function approvalTokenOf(sfn: SFNClient, executionArn: string): Promise<string> {
  const { events = [] } = await sfn.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 1000 }));
  const scheduled = events.find(
    (event) => event.type === 'TaskScheduled' && event.taskScheduledEventDetails?.parameters?.includes('taskToken'),
  );
  const parameters = JSON.parse(scheduled?.taskScheduledEventDetails?.parameters ?? '{}') as { Payload?: { taskToken?: string } };
  const token = parameters.Payload?.taskToken;
  if (!token) throw new Error('no task token in the history');
  return token;
}
