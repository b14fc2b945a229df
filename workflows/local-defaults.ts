/**
 * The embedded stack's defaults, in one place for the engine, the emulator, the API, the bot's
 * local runtime, the testing kit and the CLI: its ports, region, account and data dir.
 * `make dev` needs no configuration because of them (README.md "Run it locally").
 */

/** The REST API, live events and web console (PORT). */
export const DEFAULT_API_PORT = 3000;
/** The embedded Step Functions API (SFN_PORT). */
export const DEFAULT_SFN_PORT = 8083;
/** The embedded DynamoDB, dynalite (DYNAMODB_PORT). */
export const DEFAULT_DYNAMODB_PORT = 8000;
/** The local Lex V2 runtime of the chatbot (LEX_PORT). */
export const DEFAULT_LEX_PORT = 8084;
/** The interface local servers listen on, and clients of them call. */
export const LOCAL_HOST = '127.0.0.1';
/** The region executions and local clients run in unless told otherwise. */
export const DEFAULT_REGION = 'us-east-1';
/** The account id in local ARNs unless told otherwise (AWS's documentation account). */
export const DEFAULT_ACCOUNT_ID = '123456789012';
/** Where the embedded stack keeps executions, DynamoDB data and its signing key (STATECRAFT_DATA_DIR). */
export const DEFAULT_DATA_DIR = '.statecraft';

/** `http://127.0.0.1:<port>`: the URL of a local server. */
export function localUrl(port: number | string): string {
  return `http://${LOCAL_HOST}:${port}`;
}
