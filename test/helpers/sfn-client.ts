/** The real AWS SDK Step Functions client, pointed at a local endpoint with dummy credentials. */
import { SFNClient } from '@aws-sdk/client-sfn';

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
