/**
 * Chatbot benchmark on the dev sets (test/fixtures/bot): intent accuracy and full-frame accuracy
 * (intent and every slot) of the 68 labelled utterances, each sent by a viewer (who changes no
 * run) to the local Lex runtime as a new session through the real SDK client (RecognizeText over h2c) on a dev stack seeded with the
 * demo runs; RecognizeText latency p50/p99 over repeated rounds, of the runtime alone (instant code
 * hook) and with our code hook doing its reads on the seeded stack; and the 10
 * scripted dialogs, each on a fresh seeded stack through POST /api/chat.
 * Targets: intent ≥ 97%, full frame ≥ 95%, dialogs 10/10, p99 ≤ 20 ms.
 *
 *   npx tsx bench/nlu.ts [--rounds 5] [--verbose]
 */
import { performance } from 'node:perf_hooks';
import { LexRuntimeV2Client, RecognizeTextCommand, type RecognizeTextCommandOutput } from '@aws-sdk/client-lex-runtime-v2';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ensureTable } from '../api/storage/ensure-table';
import { statecraftBot } from '../bot/definition/statecraft-bot';
import type { LexCodeHook } from '../bot/definition/lex-types';
import { ChatSessionStore, chatSessionsTableSpec } from '../bot/dialog/chat-session-store';
import { identityAttributes } from '../bot/dialog/verified-caller';
import { createLexRuntime, startLexServer } from '../bot/emulator';
import { trainUnderstanding } from '../bot/emulator/nlu/train-understanding';
import { writeThroughSessions } from '../bot/emulator/write-through-sessions';
import { startLocalDynamoDb } from '../cli/local/local-dynamodb';
import { catalogue } from '../workflows/definitions';
import { devToken } from '../cli/local/dev-token';
import { startChatStack } from '../test/helpers/chat-stack';
import { readJsonLines, replayDialog, type DialogTurnScript } from '../test/helpers/dialog-replay';

type Labelled = { text: string; intent: string; slots: Record<string, string> };

const VIEWER = { user: 'vera', groups: ['viewers'] };

const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1]) || 5;
const verbose = process.argv.includes('--verbose');
const FREE_TEXT_SLOTS = new Set(['Comment', 'Reason']);

/** Comment and Reason compare loosely (case, whitespace, punctuation), the rest exactly (the dev set's README). */
const loose = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
const sameSlot = (name: string, expected: string, actual: string | undefined) =>
  actual !== undefined && (FREE_TEXT_SLOTS.has(name) ? loose(actual) === loose(expected) : actual === expected);

/** What Lex understood: the top interpretation (before the code hook fills a slot from the conversation or the state of the runs). */
function frameOf(output: RecognizeTextCommandOutput): { intent: string; slots: Record<string, string> } {
  const intent = output.interpretations?.[0]?.intent;
  const slots: Record<string, string> = {};
  for (const [name, slot] of Object.entries(intent?.slots ?? {}))
    if (slot?.value?.interpretedValue) slots[name] = slot.value.interpretedValue;
  return { intent: intent?.name ?? '(none)', slots };
}

/** A code hook that answers at once: what is left is the runtime's own work (NLU, sessions, h2c). */
const instantHook: LexCodeHook = async (event) => ({
  sessionState: { dialogAction: { type: 'Close' }, intent: { ...event.sessionState.intent, state: 'Fulfilled' } },
  messages: [{ contentType: 'PlainText', content: 'ok' }],
});

/** RecognizeText latencies (ms) of the runtime alone: the real bot and NLU, sessions in dynalite, the instant hook. */
async function runtimeOnlyLatencies(texts: readonly string[]): Promise<number[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nlu-bench-'));
  const dynamo = await startLocalDynamoDb({ port: 0, path: dataDir });
  const client = new DynamoDBClient({
    endpoint: dynamo.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  await ensureTable(client, chatSessionsTableSpec());
  const bot = statecraftBot(catalogue);
  const runtime = createLexRuntime({
    bot,
    understanding: await trainUnderstanding(bot),
    codeHook: instantHook,
    sessions: writeThroughSessions(new ChatSessionStore(client)),
  });
  const server = await startLexServer({ runtime, port: 0 });
  const lex = new LexRuntimeV2Client({
    endpoint: server.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const latencies: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const [index, text] of texts.entries()) {
      const started = performance.now();
      await lex.send(
        new RecognizeTextCommand({
          botId: 'STATECRAFT',
          botAliasId: 'TSTALIASID',
          localeId: 'en_US',
          sessionId: `only-${round}-${index}`,
          text,
        }),
      );
      latencies.push(performance.now() - started);
    }
  }
  lex.destroy();
  await server.close();
  client.destroy();
  await dynamo.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
  return latencies;
}

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const percent = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)}%`;
const verdict = (ok: boolean) => (ok ? 'meets target' : 'MISSES target');

async function main(): Promise<void> {
  const utterances = readJsonLines<Labelled>('utterances-dev.jsonl');
  const dialogs = readJsonLines<DialogTurnScript[]>('dialogs-dev.jsonl');

  const chat = await startChatStack();
  await chat.seedDemo();
  // A viewer may read every run but change none: the utterances leave the demo runs as they are.
  const token = await devToken(chat.dataDir, VIEWER);
  const lex = new LexRuntimeV2Client({
    endpoint: chat.stack.lexEndpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const recognize = (text: string, sessionId: string) =>
    lex.send(
      new RecognizeTextCommand({
        botId: 'STATECRAFT',
        botAliasId: 'TSTALIASID',
        localeId: 'en_US',
        sessionId,
        text,
        requestAttributes: identityAttributes(VIEWER, token),
      }),
    );

  let intentHits = 0;
  let frameHits = 0;
  const latencies: number[] = [];
  const slowest: { text: string; ms: number }[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const [index, labelled] of utterances.entries()) {
      const started = performance.now();
      const output = await recognize(labelled.text, `bench-${round}-${index}`);
      latencies.push(performance.now() - started);
      slowest.push({ text: labelled.text, ms: performance.now() - started });
      if (round > 0) continue;
      const frame = frameOf(output);
      const intentOk = frame.intent === labelled.intent;
      const slotNames = new Set([...Object.keys(labelled.slots), ...Object.keys(frame.slots)]);
      const frameOk =
        intentOk &&
        [...slotNames].every((name) => labelled.slots[name] !== undefined && sameSlot(name, labelled.slots[name], frame.slots[name]));
      intentHits += intentOk ? 1 : 0;
      frameHits += frameOk ? 1 : 0;
      if (verbose && !frameOk)
        process.stdout.write(
          `  miss: "${labelled.text}" expected ${labelled.intent} ${JSON.stringify(labelled.slots)}, got ${frame.intent} ${JSON.stringify(frame.slots)}\n`,
        );
    }
  }
  if (verbose)
    for (const { text, ms } of slowest.sort((a, b) => b.ms - a.ms).slice(0, 12))
      process.stdout.write(`  slow: ${ms.toFixed(1)} ms "${text}"\n`);
  lex.destroy();
  await chat.stop();

  const runtimeOnly = [...(await runtimeOnlyLatencies(utterances.map((labelled) => labelled.text)))].sort((a, b) => a - b);

  let passed = 0;
  for (const [index, turns] of dialogs.entries()) {
    const stack = await startChatStack();
    await stack.seedDemo();
    const mismatch = await replayDialog(stack, turns);
    await stack.stop();
    if (mismatch === undefined) passed++;
    else process.stdout.write(`  dialog ${index + 1} failed: ${mismatch}\n`);
  }

  const sorted = [...latencies].sort((a, b) => a - b);
  const p50 = percentile(sorted, 50);
  const p99 = percentile(sorted, 99);
  const n = utterances.length;
  process.stdout.write(
    [
      `Chatbot on the dev sets (${n} utterances, ${dialogs.length} dialogs; local Lex runtime, code hook on a seeded dev stack)`,
      `  intent accuracy       ${percent(intentHits, n)} (${intentHits}/${n})   target ≥ 97%: ${verdict(intentHits / n >= 0.97)}`,
      `  full-frame accuracy   ${percent(frameHits, n)} (${frameHits}/${n})   target ≥ 95%: ${verdict(frameHits / n >= 0.95)}`,
      `  dialogs passed        ${passed}/${dialogs.length}   target 10/10: ${verdict(passed === dialogs.length)}`,
      `  RecognizeText latency, the runtime (NLU, sessions in dynalite, h2c; instant code hook): p50 ${percentile(runtimeOnly, 50).toFixed(1)} ms, p99 ${percentile(runtimeOnly, 99).toFixed(1)} ms over ${runtimeOnly.length} calls   target p99 ≤ 20 ms: ${verdict(percentile(runtimeOnly, 99) <= 20)}`,
      `  RecognizeText latency, with our code hook on the seeded stack (ledger, approvals, Step Functions): p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms over ${latencies.length} calls`,
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
