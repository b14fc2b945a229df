/** Creates or updates state machines through the Step Functions API (the embedded engine or AWS alike). */
import { CreateStateMachineCommand, SFNClient, StateMachineAlreadyExists, UpdateStateMachineCommand } from '@aws-sdk/client-sfn';
import type { LocalDefinition } from './local-definitions';

/** What happened to each workflow. */
export type DeployResult = { name: string; action: 'created' | 'updated' };

/** Creates each state machine, or updates its definition when it already exists. */
export async function deployWorkflows(client: SFNClient, definitions: readonly LocalDefinition[], roleArn: string): Promise<DeployResult[]> {
  const results: DeployResult[] = [];
  for (const { name, arn, definition } of definitions) {
    const text = JSON.stringify(definition);
    try {
      await client.send(new CreateStateMachineCommand({ name, definition: text, roleArn, type: 'STANDARD' }));
      results.push({ name, action: 'created' });
    } catch (error) {
      if (!(error instanceof StateMachineAlreadyExists)) throw error;
      await client.send(new UpdateStateMachineCommand({ stateMachineArn: arn, definition: text, roleArn }));
      results.push({ name, action: 'updated' });
    }
  }
  return results;
}

/** An SDK client for an embedded Step Functions endpoint (no host prefixes, placeholder credentials). */
export function localSfnClient(endpoint: string, region = 'us-east-1'): SFNClient {
  return new SFNClient({ endpoint, region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, disableHostPrefix: true });
}
