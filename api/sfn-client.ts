/** The Step Functions SDK client for the config: the embedded engine by endpoint, or AWS itself. */
import { SFNClient } from '@aws-sdk/client-sfn';
import type { ApiConfig } from './config';

/** Locally: placeholder credentials and no host prefix (`sync-127.0.0.1` does not resolve). */
export function createSfnClient(config: ApiConfig): SFNClient {
  if (config.sfnEndpoint === undefined) return new SFNClient({ region: config.region });
  return new SFNClient({
    region: config.region,
    endpoint: config.sfnEndpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    disableHostPrefix: true,
  });
}
