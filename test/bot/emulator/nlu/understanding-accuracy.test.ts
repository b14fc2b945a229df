import { readFileSync } from 'node:fs';
import path from 'node:path';
import { intentNamed, type BotDefinition } from '../../../../bot/definition/bot-definition';
import { statecraftBot } from '../../../../bot/definition/statecraft-bot';
import type { Understanding } from '../../../../bot/emulator/understanding';
import { trainUnderstanding } from '../../../../bot/emulator/nlu/train-understanding';
import { catalogue } from '../../../../workflows/definitions';
import { heldOutUtterances, type LabelledUtterance } from './held-out-utterances';

const DEV_SET = path.resolve(__dirname, '../../../fixtures/bot/utterances-dev.jsonl');
/** Slots compared loosely (README: after lower-casing and collapsing whitespace and punctuation). */
const FREE_TEXT_SLOTS = new Set(['Comment', 'Reason']);

type Score = { intentAccuracy: number; frameAccuracy: number; misses: string[] };

/** The frame the runtime would act on: FallbackIntent below the threshold, else the top intent and its filled slots. */
async function frameOf(
  understanding: Understanding,
  bot: BotDefinition,
  text: string,
): Promise<{ intent: string; slots: Record<string, string> }> {
  const [top] = await understanding.rankIntents(text);
  const intent = intentNamed(bot, !top || top.score < bot.nluConfidenceThreshold ? 'FallbackIntent' : top.name);
  if (!intent) throw new Error('the bot has no FallbackIntent');
  const slots = Object.fromEntries(
    Object.entries(understanding.extractSlots(intent, text)).map(([name, value]) => [name, value.interpretedValue]),
  );
  return { intent: intent.name, slots };
}

function looseText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function sameSlots(actual: Record<string, string>, expected: Record<string, string>): boolean {
  const names = new Set([...Object.keys(actual), ...Object.keys(expected)]);
  return [...names].every((name) =>
    FREE_TEXT_SLOTS.has(name) && actual[name] !== undefined && expected[name] !== undefined
      ? looseText(actual[name]) === looseText(expected[name])
      : actual[name] === expected[name],
  );
}

async function score(understanding: Understanding, bot: BotDefinition, set: readonly LabelledUtterance[]): Promise<Score> {
  let intents = 0;
  let frames = 0;
  const misses: string[] = [];
  for (const { text, intent, slots = {} } of set) {
    const frame = await frameOf(understanding, bot, text);
    const intentRight = frame.intent === intent;
    const frameRight = intentRight && sameSlots(frame.slots, slots);
    intents += intentRight ? 1 : 0;
    frames += frameRight ? 1 : 0;
    if (!frameRight) misses.push(`${text} → ${frame.intent} ${JSON.stringify(frame.slots)} (expected ${intent} ${JSON.stringify(slots)})`);
  }
  return { intentAccuracy: intents / set.length, frameAccuracy: frames / set.length, misses };
}

function readDevSet(): LabelledUtterance[] {
  return readFileSync(DEV_SET, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as LabelledUtterance);
}

describe('understanding accuracy', () => {
  const bot = statecraftBot(catalogue);
  let understanding: Understanding;

  beforeAll(async () => {
    understanding = await trainUnderstanding(bot);
  });

  it('gets at least 97% of the dev set intents and 95% of its full frames right', async () => {
    const devSet = readDevSet();

    const result = await score(understanding, bot, devSet);

    expect(devSet.length).toBeGreaterThanOrEqual(60);
    expect(result.misses).toStrictEqual([]);
    expect(result.intentAccuracy).toBeGreaterThanOrEqual(0.97);
    expect(result.frameAccuracy).toBeGreaterThanOrEqual(0.95);
  });

  it('generalises to held-out phrasings: at least 95% of intents and 93% of full frames right', async () => {
    const result = await score(understanding, bot, heldOutUtterances);

    expect(heldOutUtterances.length).toBeGreaterThanOrEqual(50);
    expect(result.intentAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(result.frameAccuracy).toBeGreaterThanOrEqual(0.93);
  });

  it('holds out phrasings the bot was not trained on', () => {
    const trained = new Set(bot.intents.flatMap((intent) => intent.sampleUtterances.map(looseText)));

    expect(heldOutUtterances.filter(({ text }) => trained.has(looseText(text)))).toStrictEqual([]);
  });
});
