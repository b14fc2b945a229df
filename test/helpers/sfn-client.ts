/** The real AWS SDK Step Functions client, pointed at a local endpoint with dummy credentials. */
import { DescribeExecutionCommand, SFNClient, type DescribeExecutionCommandOutput } from '@aws-sdk/client-sfn';
import { eventually } from './eventually';

/**
 * A client for `endpoint` (region us-east-1, no retries so errors surface at once). The host
 * prefix is disabled: StartSyncExecution would otherwise call `sync-127.0.0.1`.
 */
export function createSfnClient(endpoint: string): SFNClient {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  return new SFNClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
    maxAttempts: 1,
    disableHostPrefix: true,
  });
}

/** The execution once it has closed (polled until a deadline: a run that never ends fails the test). */
export function untilClosed(client: SFNClient, executionArn: string): Promise<DescribeExecutionCommandOutput> {
  return eventually(
    async () => {
      const described = await client.send(new DescribeExecutionCommand({ executionArn }));
      return described.status === 'RUNNING' ? undefined : described;
    },
    { timeout: 30_000, interval: 5, what: `${executionArn} to close` },
  );
}

/** The error a call that must fail failed with: its AWS exception name, message and (when AWS gives one) resourceName. */
export async function errorOf(promise: Promise<unknown>): Promise<{ name: string; message: string; resourceName?: string }> {
  try {
    await promise;
  } catch (error) {
    const { name, message, resourceName } = error as Error & { resourceName?: string };
    return { name, message, ...(resourceName === undefined ? {} : { resourceName }) };
  }
  throw new Error('expected the call to fail');
}
