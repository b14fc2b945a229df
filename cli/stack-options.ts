/** The options that say where the embedded stack listens and keeps its data, shared by the commands that start it or talk to it. */
import type { Option } from 'commander';
import {
  DEFAULT_API_PORT,
  DEFAULT_DATA_DIR,
  DEFAULT_DYNAMODB_PORT,
  DEFAULT_LEX_PORT,
  DEFAULT_SFN_PORT,
  localUrl,
} from '../workflows/local-defaults';
import { envOption, parsePort, parseUrlOrPort } from './env-option';

/** `-d, --data-dir` (STATECRAFT_DATA_DIR): executions, DynamoDB data and the API's signing key. */
export function dataDirOption(description: string): Option {
  return envOption('-d, --data-dir <dir>', description, { env: 'STATECRAFT_DATA_DIR', fallback: DEFAULT_DATA_DIR });
}

/** `-p, --port` (SFN_PORT): the embedded Step Functions API. */
export function sfnPortOption(): Option {
  return envOption('-p, --port <port>', 'port of the Step Functions API; 0 picks a free one', {
    env: 'SFN_PORT',
    fallback: DEFAULT_SFN_PORT,
    parse: parsePort,
  });
}

/** `--dynamodb-port` (DYNAMODB_PORT): the embedded DynamoDB. */
export function dynamodbPortOption(): Option {
  return envOption('--dynamodb-port <port>', 'port of the embedded DynamoDB; 0 picks a free one', {
    env: 'DYNAMODB_PORT',
    fallback: DEFAULT_DYNAMODB_PORT,
    parse: parsePort,
  });
}

/** `--api-port` (PORT): the REST API, live events and the web console. */
export function apiPortOption(): Option {
  return envOption('--api-port <port>', 'port of the REST API, live events and the web console; 0 picks a free one', {
    env: 'PORT',
    fallback: DEFAULT_API_PORT,
    parse: parsePort,
  });
}

/** `--lex-port` (LEX_PORT): the local Lex runtime of the chatbot. */
export function lexPortOption(): Option {
  return envOption('--lex-port <port>', 'port of the local Lex runtime, the chatbot; 0 picks a free one', {
    env: 'LEX_PORT',
    fallback: DEFAULT_LEX_PORT,
    parse: parsePort,
  });
}

/** `--url` (PORT): the API of a running stack, for the commands that talk to it. */
export function apiUrlOption(): Option {
  return envOption('--url <url>', 'the API of the running stack (statecraft dev), or its local port', {
    env: 'PORT',
    fallback: localUrl(DEFAULT_API_PORT),
    parse: parseUrlOrPort,
  });
}

/** `--endpoint` (SFN_PORT): the Step Functions API of a running stack, for the commands that talk to it. */
export function sfnEndpointOption(): Option {
  return envOption('--endpoint <url>', 'the Step Functions API of a running dev stack, or its local port', {
    env: 'SFN_PORT',
    fallback: localUrl(DEFAULT_SFN_PORT),
    parse: parseUrlOrPort,
  });
}
