/** The Lex V2 runtime SDK client for the config: the local Lex runtime by endpoint (it answers h2c, the client's default in Node), or AWS itself. */
import { LexRuntimeV2Client } from '@aws-sdk/client-lex-runtime-v2';
import type { ApiConfig } from './config';

/** Locally: placeholder credentials. */
export function createLexClient(config: ApiConfig): LexRuntimeV2Client {
  if (config.lex.endpoint === undefined) return new LexRuntimeV2Client({ region: config.region });
  return new LexRuntimeV2Client({
    region: config.region,
    endpoint: config.lex.endpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}
