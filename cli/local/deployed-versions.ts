/**
 * What a running engine (a dev stack's, or any Step Functions endpoint) has deployed of each
 * catalogue workflow: its latest published version, and whether the compiled source differs from
 * the definition deployed now. `statecraft list` shows it next to the catalogue.
 */
import { isDeepStrictEqual } from 'node:util';
import {
  DescribeStateMachineCommand,
  ListStateMachinesCommand,
  ListStateMachineVersionsCommand,
  SFNClient,
  StateMachineDoesNotExist,
} from '@aws-sdk/client-sfn';
import { versionNumberOf } from './deploy-workflows';
import type { LocalDefinition } from './local-definitions';

/** How long to wait for the engine to accept a connection and to answer a request. */
const CONNECT_TIMEOUT_MS = 1_000;
const REQUEST_TIMEOUT_MS = 5_000;

/** A workflow on the engine: not there, or its latest version (if any was published) and whether the source changed since. */
export type DeployedState = { deployed: false } | { deployed: true; version?: number; sourceChanged: boolean };

/** A client that fails at once when nothing listens (no retries, short timeouts). */
export function probingSfnClient(endpoint: string, region: string): SFNClient {
  return new SFNClient({
    endpoint,
    region,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    disableHostPrefix: true,
    maxAttempts: 1,
    requestHandler: { connectionTimeout: CONNECT_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS },
  });
}

async function stateOf(client: SFNClient, { arn, definition }: LocalDefinition): Promise<DeployedState> {
  try {
    const described = await client.send(new DescribeStateMachineCommand({ stateMachineArn: arn }));
    const versions = await client.send(new ListStateMachineVersionsCommand({ stateMachineArn: arn, maxResults: 1 }));
    const version = versionNumberOf(versions.stateMachineVersions?.[0]?.stateMachineVersionArn);
    const sourceChanged = !isDeepStrictEqual(JSON.parse(described.definition ?? 'null'), definition);
    return version === undefined ? { deployed: true, sourceChanged } : { deployed: true, version, sourceChanged };
  } catch (error) {
    if (error instanceof StateMachineDoesNotExist) return { deployed: false };
    throw error;
  }
}

/** Each definition's state on the engine behind `client`, by workflow name; undefined when the engine cannot be reached. */
export async function deployedStates(
  client: SFNClient,
  definitions: readonly LocalDefinition[],
): Promise<Map<string, DeployedState> | undefined> {
  try {
    await client.send(new ListStateMachinesCommand({ maxResults: 1 }));
  } catch {
    return undefined;
  }
  const states = new Map<string, DeployedState>();
  for (const definition of definitions) states.set(definition.name, await stateOf(client, definition));
  return states;
}
