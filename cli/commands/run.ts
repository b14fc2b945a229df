/** `statecraft run <workflow | file.asl.json>`: one execution, in-process, to the end. */
import * as fs from 'node:fs';
import { types } from 'node:util';
import { Command } from 'commander';
import { APPROVAL_REQUEST_FUNCTION } from '../../workflows/asl/approval-contract';
import { Engine, MemoryExecutionStore, systemClock, VirtualClock, type HistoryEvent } from '../../workflows/engine';
import { findWorkflow } from '../../workflows/definitions';
import { tables } from '../../workflows/definitions/tables';
import { createDynamoDbItems } from '../../workflows/emulator/dynamodb-items';
import { ensureTables } from '../local/ensure-tables';
import { startLocalDynamoDb } from '../local/local-dynamodb';
import { CliError } from '../cli-error';
import type { CliIo } from '../cli-io';
import { catalogueHandlers } from '../local/catalogue-handlers';
import { cliApprovals, type ApprovalMode } from '../local/cli-approvals';
import { localDefinitions } from '../local/local-definitions';
import { LOCAL_ACCOUNT, stateMachineArn } from '../local/local-substitutions';

type RunOptions = {
  input?: string;
  inputFile?: string;
  history?: boolean;
  fastTime?: boolean;
  approve?: boolean;
  reject?: boolean;
  name?: string;
};

const ACCOUNT = LOCAL_ACCOUNT;
const ROLE_ARN = `arn:aws:iam::${ACCOUNT.accountId}:role/statecraft-local`;

export function runCommand({ stdout, stderr }: CliIo): Command {
  return new Command('run')
    .description('Run one execution in-process to the end and print its output (exit 0 on SUCCEEDED, 1 otherwise).')
    .argument('<target>', 'a catalogue workflow name, or a file.asl.json')
    .option('-i, --input <json>', "execution input as JSON (default: the workflow's example, or {})")
    .option('-f, --input-file <file>', 'read the execution input from a file')
    .option('--history', 'also print the execution history (on stderr)')
    .option('--fast-time', 'let waits, retries and timeouts elapse instantly')
    .option('--approve', 'approve every manual approval at once')
    .option('--reject', 'reject every manual approval at once')
    .option('--name <name>', 'execution name (default: a random UUID)')
    .addHelpText(
      'after',
      '\nExamples:\n  statecraft run order-fulfillment --fast-time\n  statecraft run deploy-service --approve --fast-time --history\n  statecraft run my-machine.asl.json --input \'{"x": 1}\'',
    )
    .action(async (target: string, options: RunOptions) => {
      if (options.approve && options.reject) throw new CliError('choose one of --approve and --reject', 2);
      const mode: ApprovalMode = options.approve ? 'approve' : options.reject ? 'reject' : 'wait';
      const report = (line: string) => stderr.write(`${line}\n`);
      const approvals = cliApprovals(() => engine, mode, report);
      const isIdle = () => engine.tasksInFlight === 0 && approvals.pending() === 0;
      const clock = options.fastTime ? new VirtualClock({ start: Date.now(), autoAdvance: true, isIdle }) : systemClock;
      const store = new MemoryExecutionStore();
      const dynamoDb = await startLocalDynamoDb();
      const dynamodb = createDynamoDbItems({ endpoint: dynamoDb.endpoint, region: ACCOUNT.region });
      const engine: Engine = new Engine({
        store,
        clock,
        dynamodb,
        ...ACCOUNT,
        taskHandlers: { ...catalogueHandlers(), [APPROVAL_REQUEST_FUNCTION]: approvals.handler },
      });
      try {
        await ensureTables(dynamoDb.endpoint, tables);
        const { arn, example } = deploy(store, target);
        const input = readInput(options, example);
        const started = engine.startExecution({ stateMachineArn: arn, name: options.name, input });
        if (!started.ok) throw new CliError(`${started.code}: ${started.message}`, 2);
        const record = await engine.waitForExecution(started.value.record.arn);
        if (options.history) for (const event of engine.history(record.arn)) report(formatEvent(event));
        if (record.status === 'SUCCEEDED') {
          stdout.write(`${record.output ?? 'null'}\n`);
          return;
        }
        report(`execution ${record.status}${record.error ? `: ${record.error}` : ''}${record.cause ? `\ncause: ${record.cause}` : ''}`);
        process.exitCode = 1;
      } finally {
        await engine.close();
        dynamodb.close();
        await dynamoDb.stop();
      }
    });
}

/** Puts the target (and, for catalogue workflows, every workflow it may start) into the store. */
function deploy(store: MemoryExecutionStore, target: string): { arn: string; example: unknown } {
  const put = (name: string, definition: unknown) =>
    store.putStateMachine({
      arn: stateMachineArn(name, ACCOUNT),
      name,
      type: 'STANDARD',
      definition: JSON.stringify(definition),
      roleArn: ROLE_ARN,
      createdAt: Date.now(),
    });
  if (target.endsWith('.json') || fs.existsSync(target)) {
    const definition = readJson(target, 'definition');
    const name = 'local-run';
    put(name, definition);
    return { arn: stateMachineArn(name, ACCOUNT), example: {} };
  }
  const workflow = findWorkflow(target);
  if (!workflow) throw new CliError(`'${target}' is neither a catalogue workflow nor a file (see: statecraft list)`, 2);
  for (const local of localDefinitions(ACCOUNT)) put(local.name, local.definition);
  return { arn: stateMachineArn(workflow.name, ACCOUNT), example: workflow.options.example };
}

function readInput(options: RunOptions, example: unknown): string {
  if (options.input !== undefined && options.inputFile !== undefined) throw new CliError('give --input or --input-file, not both', 2);
  if (options.inputFile !== undefined) return JSON.stringify(readJson(options.inputFile, 'input'));
  if (options.input === undefined) return JSON.stringify(example);
  try {
    return JSON.stringify(JSON.parse(options.input));
  } catch (error) {
    throw new CliError(`--input is not valid JSON: ${types.isNativeError(error) ? error.message : String(error)}`, 2);
  }
}

function readJson(file: string, what: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${what} file ${file}: ${types.isNativeError(error) ? error.message : String(error)}`, 2);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CliError(`${what} file ${file} is not valid JSON: ${types.isNativeError(error) ? error.message : String(error)}`, 2);
  }
}

/** One history event a line: id, type, and the state it concerns. */
function formatEvent(event: HistoryEvent): string {
  const details = event.details as { name?: string; error?: string; resource?: string } | undefined;
  const about = details?.name ? ` ${details.name}` : details?.error ? ` ${details.error}` : '';
  return `${String(event.id).padStart(4)} ${event.type}${about}`;
}
