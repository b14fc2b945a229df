/**
 * Creates, updates or leaves alone state machines through the Step Functions API (the embedded
 * engine or AWS alike), publishing a version for each change so every deployed definition stays
 * startable by its version ARN. https://docs.aws.amazon.com/step-functions/latest/dg/concepts-state-machine-version.html
 */
import {
  CreateStateMachineCommand,
  DescribeStateMachineCommand,
  PublishStateMachineVersionCommand,
  SFNClient,
  StateMachineDoesNotExist,
  UpdateStateMachineCommand,
  type DescribeStateMachineCommandOutput,
} from '@aws-sdk/client-sfn';
import { DEFAULT_REGION } from '../../workflows/local-defaults';
import type { LocalDefinition } from './local-definitions';

/** What happened to each workflow, and the number of the version deployed (published) for it. */
export type DeployResult = { name: string; action: 'created' | 'updated' | 'unchanged'; version?: number };

/** The number at the end of a version ARN (`…:stateMachine:NAME:3`). */
export function versionNumberOf(versionArn: string | undefined): number | undefined {
  const match = versionArn === undefined ? null : /:(\d+)$/.exec(versionArn);
  return match ? Number(match[1]) : undefined;
}

/** How a restart logs a result: `created`, `updated (version N)` or `unchanged`. */
export function deployLabel(result: DeployResult): string {
  return result.action === 'updated' && result.version !== undefined ? `updated (version ${result.version})` : result.action;
}

async function describeIfDeployed(client: SFNClient, stateMachineArn: string): Promise<DescribeStateMachineCommandOutput | undefined> {
  try {
    return await client.send(new DescribeStateMachineCommand({ stateMachineArn }));
  } catch (error) {
    if (error instanceof StateMachineDoesNotExist) return undefined;
    throw error;
  }
}

/**
 * Creates each missing state machine with version 1, updates a changed one with a new version, and
 * leaves an identical one alone (publishing is idempotent: it names the version of the current
 * revision, and makes one for a state machine deployed before versions were).
 */
export async function deployWorkflows(
  client: SFNClient,
  definitions: readonly LocalDefinition[],
  roleArn: string,
): Promise<DeployResult[]> {
  const results: DeployResult[] = [];
  for (const { name, arn, definition } of definitions) {
    const text = JSON.stringify(definition);
    const deployed = await describeIfDeployed(client, arn);
    if (!deployed) {
      const created = await client.send(
        new CreateStateMachineCommand({ name, definition: text, roleArn, type: 'STANDARD', publish: true }),
      );
      results.push({ name, action: 'created', version: versionNumberOf(created.stateMachineVersionArn) });
    } else if (deployed.definition === text && deployed.roleArn === roleArn) {
      const published = await client.send(new PublishStateMachineVersionCommand({ stateMachineArn: arn }));
      results.push({ name, action: 'unchanged', version: versionNumberOf(published.stateMachineVersionArn) });
    } else {
      const updated = await client.send(new UpdateStateMachineCommand({ stateMachineArn: arn, definition: text, roleArn, publish: true }));
      results.push({ name, action: 'updated', version: versionNumberOf(updated.stateMachineVersionArn) });
    }
  }
  return results;
}

/** An SDK client for an embedded Step Functions endpoint (no host prefixes, placeholder credentials). */
export function localSfnClient(endpoint: string, region = DEFAULT_REGION): SFNClient {
  return new SFNClient({ endpoint, region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, disableHostPrefix: true });
}
