/**
 * `statecraft engine` end to end: the six sample workflows through the real SFN client, approvals
 * answered with SendTaskSuccess/SendTaskFailure, the process killed with SIGKILL while runs are
 * in flight, restarted on the same data dir, and every execution finishing exactly once. The
 * crash needs a process of its own, so this case runs the real binary; the others run in-process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  SendTaskFailureCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
  type HistoryEvent,
  type SFNClient,
} from '@aws-sdk/client-sfn';
import { findWorkflow } from '../../workflows/definitions';
import { localSfnClient } from '../../cli/local/deploy-workflows';
import { invokeCli } from './invoke-cli';
import { ROOT } from './run-cli';
import { eventually } from '../helpers/eventually';

jest.setTimeout(180_000);

const ACCOUNT_PREFIX = 'arn:aws:states:us-east-1:123456789012:stateMachine:';
const TERMINAL = new Set(['ExecutionSucceeded', 'ExecutionFailed', 'ExecutionTimedOut', 'ExecutionAborted']);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });
}

/** Starts `statecraft engine` and resolves once it says where it listens. */
function startEngine(args: string[]): Promise<ChildProcess> {
  const child = spawn(process.execPath, [path.join(ROOT, 'cli/bin/statecraft.js'), 'engine', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`engine did not start:\n${stderr}`)), 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Step Functions API on')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.once('exit', (code) => reject(new Error(`engine exited with ${code}:\n${stderr}`)));
  });
}

async function history(client: SFNClient, executionArn: string): Promise<HistoryEvent[]> {
  const events: HistoryEvent[] = [];
  let nextToken: string | undefined;
  do {
    const page = await client.send(new GetExecutionHistoryCommand({ executionArn, nextToken, maxResults: 1000 }));
    events.push(...(page.events ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return events;
}

/** The task token of the approval an execution waits on, from its TaskScheduled parameters. */
async function approvalToken(client: SFNClient, executionArn: string): Promise<string | undefined> {
  const scheduled = (await history(client, executionArn)).find(
    (event) => event.type === 'TaskScheduled' && event.taskScheduledEventDetails?.resource === 'invoke.waitForTaskToken',
  );
  const parameters = scheduled?.taskScheduledEventDetails?.parameters;
  return parameters ? (JSON.parse(parameters) as { Payload: { taskToken: string } }).Payload.taskToken : undefined;
}

const example = (name: string): Record<string, unknown> => ({ ...(findWorkflow(name)?.options.example as Record<string, unknown>) });

describe('statecraft engine', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'statecraft-engine-'));
  let child: ChildProcess | undefined;
  // ×20: a 60-second poll takes 3 s, while the shortest task timeout (10 s) still leaves 500 ms of real time.

  afterAll(() => {
    child?.kill('SIGKILL');
  });

  it('runs the six samples, survives SIGKILL mid-run and finishes every execution exactly once', async () => {
    const args = [
      '--port',
      String(await freePort()),
      '--dynamodb-port',
      String(await freePort()),
      '--data-dir',
      dataDir,
      '--time-scale',
      '20',
    ];
    child = await startEngine(args);
    const endpoint = `http://127.0.0.1:${args[1]}`;
    let client = localSfnClient(endpoint);
    const inputs: Record<string, Record<string, unknown>> = {
      'order-fulfillment': example('order-fulfillment'),
      'deploy-service': { ...example('deploy-service'), rollout: { canaryPercent: 10, bakeSeconds: 20 } },
      'nightly-report': example('nightly-report'),
      'onboard-customer': { ...example('onboard-customer'), country: 'PA', taxId: undefined, marketingOptIn: false },
      'refund-request': { ...example('refund-request'), orderId: 'ORD-20077', amount: 800 },
      'data-backfill': example('data-backfill'),
    };
    const arns: Record<string, string> = {};
    for (const [name, input] of Object.entries(inputs)) {
      const started = await client.send(
        new StartExecutionCommand({ stateMachineArn: `${ACCOUNT_PREFIX}${name}`, name: `crash-${name}`, input: JSON.stringify(input) }),
      );
      arns[name] = started.executionArn as string;
    }
    const approvals = ['deploy-service', 'onboard-customer', 'refund-request'];
    for (const name of approvals) {
      await eventually(
        async () => {
          const { status, error, cause } = await client.send(new DescribeExecutionCommand({ executionArn: arns[name] }));
          if (status !== 'RUNNING') throw new Error(`${name} ended ${status} before its approval: ${error} ${cause}`);
          return approvalToken(client, arns[name]);
        },
        { what: `the approval of ${name}`, timeout: 60_000, interval: 200 },
      );
    }

    child.kill('SIGKILL');
    await new Promise((resolve) => child?.once('exit', resolve));
    client.destroy();
    child = await startEngine(args);
    client = localSfnClient(endpoint);

    const decided = { approved: true, decidedBy: 'alice', comment: 'looks good' };
    await client.send(
      new SendTaskSuccessCommand({ taskToken: await approvalToken(client, arns['deploy-service']), output: JSON.stringify(decided) }),
    );
    await client.send(
      new SendTaskSuccessCommand({ taskToken: await approvalToken(client, arns['onboard-customer']), output: JSON.stringify(decided) }),
    );
    await client.send(
      new SendTaskFailureCommand({
        taskToken: await approvalToken(client, arns['refund-request']),
        error: 'Approval.Rejected',
        cause: JSON.stringify({ decidedBy: 'bob', reason: 'needs a photo of the damage' }),
      }),
    );
    const statuses: Record<string, string | undefined> = {};
    for (const [name, arn] of Object.entries(arns)) {
      statuses[name] = await eventually(
        async () => {
          const { status } = await client.send(new DescribeExecutionCommand({ executionArn: arn }));
          return status === 'RUNNING' ? undefined : status;
        },
        { what: `${name} to finish`, timeout: 60_000, interval: 200 },
      );
    }

    expect(statuses).toStrictEqual({
      'order-fulfillment': 'SUCCEEDED',
      'deploy-service': 'SUCCEEDED',
      'nightly-report': 'SUCCEEDED',
      'onboard-customer': 'SUCCEEDED',
      'refund-request': 'SUCCEEDED',
      'data-backfill': 'SUCCEEDED',
    });
    const { executions: children = [] } = await client.send(
      new ListExecutionsCommand({ stateMachineArn: `${ACCOUNT_PREFIX}data-backfill` }),
    );
    expect(children.map((execution) => execution.status)).toEqual(['SUCCEEDED', 'SUCCEEDED']);
    for (const arn of [...Object.values(arns), ...children.map((execution) => execution.executionArn as string)]) {
      const events = await history(client, arn);
      expect(events.filter((event) => TERMINAL.has(event.type ?? ''))).toHaveLength(1);
      expect(events.map((event) => event.id)).toEqual(events.map((_, index) => index + 1));
    }
    const refundOutput = JSON.parse(
      (await client.send(new DescribeExecutionCommand({ executionArn: arns['refund-request'] }))).output ?? '{}',
    ) as Record<string, unknown>;
    expect(JSON.stringify(refundOutput)).toContain('needs a photo of the damage');
    client.destroy();
  });
});

describe('statecraft engine in-process', () => {
  it('takes its ports and data dir from SFN_PORT, DYNAMODB_PORT and STATECRAFT_DATA_DIR, and stops when told', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'statecraft-engine-env-'));

    const result = await invokeCli(['engine'], { env: { SFN_PORT: '0', DYNAMODB_PORT: '0', STATECRAFT_DATA_DIR: dataDir } });

    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Step Functions API on http:\/\/127\.0\.0\.1:[1-9]\d* /);
    expect(result.stdout).toContain(`(data in ${dataDir}, DynamoDB on http://127.0.0.1:`);
    expect(result.stderr).toContain('stopping');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('names SFN_PORT, STATECRAFT_DATA_DIR and DYNAMODB_PORT with their defaults in --help', async () => {
    const result = await invokeCli(['engine', '--help']);

    const help = result.stdout.replace(/\s+/g, ' ');
    expect(result.code).toBe(0);
    for (const setting of [
      '(default: 8083, env: SFN_PORT)',
      '(default: ".statecraft", env: STATECRAFT_DATA_DIR)',
      '(default: 8000, env: DYNAMODB_PORT)',
    ])
      expect(help).toContain(setting);
  });
});
