/**
 * Chatbot benchmark on the dev sets (test/fixtures/bot): intent accuracy and full-frame accuracy
 * (intent and every slot) of the 68 labelled utterances, each sent to the local Lex runtime as a
 * new session through the real SDK client (RecognizeText over h2c) on a dev stack seeded with the
 * demo runs; RecognizeText latency p50/p99 over repeated rounds (code hook included); and the 10
 * scripted dialogs, each on a fresh seeded stack through POST /api/chat.
 * Targets: intent ≥ 97%, full frame ≥ 95%, dialogs 10/10, p99 ≤ 20 ms.
 *
 *   npx tsx bench/nlu.ts [--rounds 5] [--verbose]
 */
import { performance } from 'node:perf_hooks';
import { LexRuntimeV2Client, RecognizeTextCommand, type RecognizeTextCommandOutput } from '@aws-sdk/client-lex-runtime-v2';
import { identityAttributes } from '../bot/dialog/verified-caller';
import { devToken } from '../cli/local/dev-token';
import { startChatStack } from '../test/helpers/chat-stack';
import { DIALOG_PERSON, readJsonLines, replayDialog, type DialogTurnScript } from '../test/helpers/dialog-replay';

type Labelled = { text: string; intent: string; slots: Record<string, string> };

const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1]) || 5;
const verbose = process.argv.includes('--verbose');
const FREE_TEXT_SLOTS = new Set(['Comment', 'Reason']);

/** Comment and Reason compare loosely (case, whitespace, punctuation), the rest exactly (the dev set's README). */
const loose = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
const sameSlot = (name: string, expected: string, actual: string | undefined) => actual !== undefined && (FREE_TEXT_SLOTS.has(name) ? loose(actual) === loose(expected) : actual === expected);

/** What Lex understood: the top interpretation (before the code hook fills a slot from the conversation or the state of the runs). */
function frameOf(output: RecognizeTextCommandOutput): { intent: string; slots: Record<string, string> } {
  const intent = output.interpretations?.[0]?.intent;
  const slots: Record<string, string> = {};
  for (const [name, slot] of Object.entries(intent?.slots ?? {})) if (slot?.value?.interpretedValue) slots[name] = slot.value.interpretedValue;
  return { intent: intent?.name ?? '(none)', slots };
}

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const percent = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)}%`;
const verdict = (ok: boolean) => (ok ? 'meets target' : 'MISSES target');

async function main(): Promise<void> {
  const utterances = readJsonLines<Labelled>('utterances-dev.jsonl');
  const dialogs = readJsonLines<DialogTurnScript[]>('dialogs-dev.jsonl');

  const chat = await startChatStack();
  await chat.seedDemo();
  const token = await devToken(chat.dataDir, DIALOG_PERSON);
  const lex = new LexRuntimeV2Client({ endpoint: chat.stack.lexEndpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const recognize = (text: string, sessionId: string) =>
    lex.send(new RecognizeTextCommand({ botId: 'STATECRAFT', botAliasId: 'TSTALIASID', localeId: 'en_US', sessionId, text, requestAttributes: identityAttributes(DIALOG_PERSON, token) }));

  let intentHits = 0;
  let frameHits = 0;
  const latencies: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const [index, labelled] of utterances.entries()) {
      const started = performance.now();
      const output = await recognize(labelled.text, `bench-${round}-${index}`);
      latencies.push(performance.now() - started);
      if (round > 0) continue;
      const frame = frameOf(output);
      const intentOk = frame.intent === labelled.intent;
      const slotNames = new Set([...Object.keys(labelled.slots), ...Object.keys(frame.slots)]);
      const frameOk = intentOk && [...slotNames].every((name) => labelled.slots[name] !== undefined && sameSlot(name, labelled.slots[name], frame.slots[name]));
      intentHits += intentOk ? 1 : 0;
      frameHits += frameOk ? 1 : 0;
      if (verbose && !frameOk) process.stdout.write(`  miss: "${labelled.text}" expected ${labelled.intent} ${JSON.stringify(labelled.slots)}, got ${frame.intent} ${JSON.stringify(frame.slots)}\n`);
    }
  }
  lex.destroy();
  await chat.stop();

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
      `  RecognizeText latency p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms over ${latencies.length} calls (h2c, code hook included)   target p99 ≤ 20 ms: ${verdict(p99 <= 20)}`,
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
