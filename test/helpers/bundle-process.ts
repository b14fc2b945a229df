/**
 * Invokes a bundled function as the Lambda Node.js runtime would: a fresh Node process whose cwd is
 * the function's directory (`/var/task`), which `require`s `index.js` and awaits `handler(event, context)`.
 * The process sees only the environment given (plus the runtime's own variables and dummy credentials),
 * and any connection to a host other than loopback is refused and fails the invocation.
 * https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';

/** What Lambda's Invoke returns: the handler's result, or with `functionError` the `{ errorType, errorMessage }` of what it threw. */
export type BundleOutcome = { payload: unknown; functionError?: 'Unhandled' };

/** Options of one invocation. */
export type InvokeOptions = { timeoutMs?: number };

const DEFAULT_TIMEOUT_MS = 20_000;
/** Prefixes the driver's result line, so log lines on stdout cannot be mistaken for it. */
const RESULT_MARKER = '@@bundle-result ';

// The driver: guards the network, reads the event from stdin, invokes, prints one marked JSON line.
const DRIVER = `
const net = require('node:net');
const path = require('node:path');
const crypto = require('node:crypto');
const [dir, timeoutMs] = process.argv.slice(1);
const blocked = [];
const LOOPBACK = /^(127(\\.\\d{1,3}){3}|::1|localhost)$/;
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  // As net does: a truthy path is a local IPC socket; otherwise host (default localhost).
  const host = typeof first === 'object' && first !== null ? (first.path ? 'localhost' : String(first.host ?? 'localhost')) : typeof args[1] === 'string' ? args[1] : 'localhost';
  if (LOOPBACK.test(host)) return connect.apply(this, args);
  blocked.push(host);
  process.nextTick(() => this.destroy(new Error('bundle-process: connection to ' + host + ' refused (loopback only)')));
  return this;
};
const finish = (outcome) => {
  if (blocked.length > 0) {
    process.stderr.write('bundle-process: the function tried to reach ' + [...new Set(blocked)].join(', ') + '\\n');
    process.exit(3);
  }
  process.stdout.write(${JSON.stringify(RESULT_MARKER)} + JSON.stringify(outcome) + '\\n', () => process.exit(0));
};
let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => (input += chunk));
process.stdin.on('end', async () => {
  const { handler } = require(path.join(dir, 'index.js'));
  const name = path.basename(dir);
  const deadline = Date.now() + Number(timeoutMs);
  const region = process.env.AWS_REGION;
  const context = {
    awsRequestId: crypto.randomUUID(),
    functionName: name,
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:' + region + ':123456789012:function:' + name,
    memoryLimitInMB: '1024',
    logGroupName: '/aws/lambda/' + name,
    logStreamName: 'bundle-process',
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  };
  try {
    const result = await handler(JSON.parse(input), context);
    finish({ payload: result === undefined ? null : result });
  } catch (error) {
    const payload = error instanceof Error ? { errorType: error.name, errorMessage: error.message } : { errorType: typeof error, errorMessage: String(error) };
    finish({ functionError: 'Unhandled', payload });
  }
});
`;

/** Runs `<dir>/index.js`'s handler on `event` in a new process with `env`; rejects with its stderr when it crashes, times out or prints no result. */
export function invokeBundle(
  dir: string,
  event: unknown,
  env: Record<string, string>,
  { timeoutMs = DEFAULT_TIMEOUT_MS }: InvokeOptions = {},
): Promise<BundleOutcome> {
  const name = path.basename(dir);
  const runtimeEnv = {
    // Lambda's own variables; HOME and the AWS config files point nowhere, so no profile is read.
    LAMBDA_TASK_ROOT: dir,
    AWS_LAMBDA_FUNCTION_NAME: name,
    TZ: ':UTC',
    HOME: dir,
    AWS_CONFIG_FILE: path.join(dir, '.no-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(dir, '.no-aws-credentials'),
    AWS_ACCESS_KEY_ID: 'bundle-test',
    AWS_SECRET_ACCESS_KEY: 'bundle-test',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', DRIVER, dir, String(timeoutMs)], {
      cwd: dir,
      env: { ...runtimeEnv, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const failed = (why: string) => new Error(`${name}: ${why}\n--- stderr ---\n${stderr.trim()}`);
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(failed(`no result within ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(failed(error.message));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const line = stdout.split('\n').find((each) => each.startsWith(RESULT_MARKER));
      if (code !== 0 || line === undefined) return reject(failed(`exited with ${signal ?? `code ${code}`} and no result`));
      resolve(JSON.parse(line.slice(RESULT_MARKER.length)) as BundleOutcome);
    });
    child.stdin.end(JSON.stringify(event));
  });
}
