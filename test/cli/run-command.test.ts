/** `statecraft run` in-process through main(); a catalogue workflow through the real binary proves its wiring. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { invokeCli } from './invoke-cli';
import { runCli } from './run-cli';

jest.setTimeout(60_000);

describe('statecraft run', () => {
  it('runs a catalogue workflow on its example and prints the output JSON, through the real binary', () => {
    const result = runCli(['run', 'order-fulfillment', '--fast-time']);

    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ orderId: 'ORD-10042', orderStatus: 'SHIPPED' });
  });

  it('decides approvals with --approve, and lets the run fail on --reject with error and cause on stderr', async () => {
    const approved = await invokeCli(['run', 'deploy-service', '--fast-time', '--approve']);
    const rejected = await invokeCli(['run', 'deploy-service', '--fast-time', '--reject']);

    expect(approved.code).toBe(0);
    expect(JSON.parse(approved.stdout)).toMatchObject({ service: 'checkout-api' });
    expect(rejected.code).toBe(1);
    expect(rejected.stdout).toBe('');
    expect(rejected.stderr).toContain('execution FAILED: ReleaseRejected');
    expect(rejected.stderr).toContain('rejected with --reject');
  });

  it('takes the input from --input and prints the history with --history', async () => {
    const input = JSON.stringify({ refundId: 'RF-1', orderId: 'ORD-404', amount: 5, reason: 'damaged', requestedBy: 'support:test' });

    const result = await invokeCli(['run', 'refund-request', '--fast-time', '--history', '--input', input]);

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^\s+1 ExecutionStarted$/m);
    expect(result.stderr).toContain('execution FAILED: OrderNotFound');
  });

  it('runs a foreign ASL file', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'statecraft-run-')), 'hello.asl.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        StartAt: 'Hello',
        States: { Hello: { Type: 'Pass', Parameters: { 'greeting.$': "States.Format('Hello, {}!', $.name)" }, End: true } },
      }),
    );

    const result = await invokeCli(['run', file, '--input', '{"name":"Ada"}']);

    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ greeting: 'Hello, Ada!' });
  });

  it.each([
    [['run', 'no-such-flow'], "'no-such-flow' is neither a catalogue workflow nor a file"],
    [['run', 'order-fulfillment', '--input', '{oops'], '--input is not valid JSON'],
    [['run', 'order-fulfillment', '--approve', '--reject'], 'choose one of --approve and --reject'],
  ])('refuses %j with exit 2', async (args, message) => {
    const result = await invokeCli(args);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});
