import { readFileSync } from 'node:fs';
import path from 'node:path';
import { intentNamed, slotTypeNamed, type IntentDefinition } from '../../../bot/definition/bot-definition';
import { statecraftBot } from '../../../bot/definition/statecraft-bot';
import { catalogue } from '../../../workflows/definitions';

const bot = statecraftBot(catalogue);
const customIntents = bot.intents.filter((intent) => !intent.parentIntentSignature);
const DEV_SET = path.resolve(__dirname, '../../fixtures/bot/utterances-dev.jsonl');

/** An intent known to exist (fails the test otherwise). */
function intent(name: string): IntentDefinition {
  const found = intentNamed(bot, name);
  if (!found) throw new Error(`no intent ${name}`);
  return found;
}

/** Lower-case words with run ids and workflow names replaced by their slot markers, to compare utterances with the dev set. */
function template(text: string): string {
  const names = catalogue
    .flatMap((workflow) => [workflow.name, workflow.name.replace(/-/g, ' '), ...(workflow.options.aliases ?? [])])
    .sort((a, b) => b.length - a.length);
  let result = text.toLowerCase().replace(/\br-[0-9a-z]+\b/g, '{runid}');
  for (const name of names) result = result.split(name.toLowerCase()).join('{workflowname}');
  return result
    .replace(/[^a-z0-9{} ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('statecraftBot', () => {
  it('is the en_US StatecraftBot with a 15-minute idle TTL and a threshold in 0..1', () => {
    expect(bot).toMatchObject({ name: 'StatecraftBot', localeId: 'en_US', idleSessionTtlSeconds: 900 });
    expect(bot.nluConfidenceThreshold).toBeGreaterThan(0);
    expect(bot.nluConfidenceThreshold).toBeLessThan(1);
  });

  it('declares exactly the intents the code hook and the evaluation expect', () => {
    const names = bot.intents.map((candidate) => candidate.name).sort();

    expect(names).toStrictEqual(
      [
        'ApproveRun',
        'CancelIntent',
        'FallbackIntent',
        'GetRunStatus',
        'Help',
        'ListPendingApprovals',
        'ListWorkflows',
        'RejectRun',
        'StartWorkflow',
        'StopRun',
      ].sort(),
    );
  });

  it('makes WorkflowNameType resolve every catalogue name, its spaced form and its aliases', () => {
    const slotType = slotTypeNamed(bot, 'WorkflowNameType');

    expect(slotType?.resolution).toBe('TOP_RESOLUTION');
    expect(slotType?.values.map(({ value }) => value)).toStrictEqual(catalogue.map((workflow) => workflow.name));
    for (const workflow of catalogue) {
      const synonyms = slotType?.values.find(({ value }) => value === workflow.name)?.synonyms ?? [];
      expect(synonyms).toEqual(expect.arrayContaining([workflow.name.replace(/-/g, ' '), ...(workflow.options.aliases ?? [])]));
      expect(synonyms).not.toContain(workflow.name);
    }
  });

  it('makes RunRefType keep typed ids and map the recency phrasings to latest', () => {
    const slotType = slotTypeNamed(bot, 'RunRefType');

    expect(slotType?.resolution).toBe('ORIGINAL_VALUE');
    expect(slotType?.values.find(({ value }) => value === 'latest')?.synonyms).toEqual(
      expect.arrayContaining(['last', 'last one', 'most recent', 'newest', 'latest one']),
    );
    expect(slotType?.values.some(({ value }) => /^r-[0-9a-f]+$/.test(value))).toBe(true);
  });

  it('asks StartWorkflow for a required WorkflowName, takes an optional RunInput, and confirms', () => {
    const startWorkflow = intent('StartWorkflow');

    expect(
      startWorkflow.slots.map(({ name, slotType, required, recognizer }) => ({ name, slotType, required, kind: recognizer.kind })),
    ).toStrictEqual([
      { name: 'WorkflowName', slotType: 'WorkflowNameType', required: true, kind: 'values' },
      { name: 'RunInput', slotType: 'AMAZON.FreeFormInput', required: false, kind: 'run-input' },
    ]);
    expect(startWorkflow.confirmation?.prompt).toContain('{WorkflowName}');
  });

  it.each([
    ['GetRunStatus', [['RunId', true, 'run-reference']]],
    ['StopRun', [['RunId', true, 'run-reference']]],
    [
      'ApproveRun',
      [
        ['RunId', true, 'run-reference'],
        ['Comment', false, 'after-marker'],
      ],
    ],
    [
      'RejectRun',
      [
        ['RunId', true, 'run-reference'],
        ['Reason', true, 'after-marker'],
      ],
    ],
  ])('gives %s its run slots', (name, expected) => {
    const slots = intent(name).slots.map((slot) => [slot.name, slot.required, slot.recognizer.kind]);

    expect(slots).toStrictEqual(expected);
  });

  it('asks for a rejection reason naming the run', () => {
    const reason = intent('RejectRun').slots.find((slot) => slot.name === 'Reason');

    expect(reason).toMatchObject({ slotType: 'AMAZON.FreeFormInput', required: true });
    expect(reason?.prompt).toMatch(/why.*\{RunId\}/i);
  });

  it('declares FallbackIntent and CancelIntent as Lex built-ins', () => {
    expect(intent('FallbackIntent')).toMatchObject({
      parentIntentSignature: 'AMAZON.FallbackIntent',
      sampleUtterances: [],
      fulfillmentCodeHook: true,
      dialogCodeHook: false,
    });
    expect(intent('CancelIntent')).toMatchObject({
      parentIntentSignature: 'AMAZON.CancelIntent',
      fulfillmentCodeHook: false,
      dialogCodeHook: false,
    });
    expect(intent('CancelIntent').closingResponse).toMatch(/cancel/i);
    expect(intent('CancelIntent').sampleUtterances).toEqual(expect.arrayContaining(['cancel', 'never mind', 'forget it']));
  });

  it('calls the code hook for every custom intent', () => {
    for (const custom of customIntents) expect(custom).toMatchObject({ dialogCodeHook: true, fulfillmentCodeHook: true });
  });

  it('teaches every custom intent many distinct phrasings', () => {
    for (const custom of customIntents) expect(new Set(custom.sampleUtterances).size).toBeGreaterThanOrEqual(60);
  });

  it('never repeats an utterance, within or across intents', () => {
    const all = customIntents.flatMap((custom) => custom.sampleUtterances.map((utterance) => utterance.toLowerCase()));

    expect(new Set(all).size).toBe(all.length);
  });

  it('marks only slots the intent has, and never a FreeFormInput slot (Lex rejects those in utterances)', () => {
    for (const custom of customIntents) {
      const markable = new Set(custom.slots.filter((slot) => slot.slotType !== 'AMAZON.FreeFormInput').map((slot) => slot.name));
      for (const utterance of custom.sampleUtterances) {
        for (const [, name] of utterance.matchAll(/\{(\w+)\}/g)) expect(markable.has(name)).toBe(true);
      }
    }
  });

  it('keeps utterances to the characters Lex accepts', () => {
    for (const custom of customIntents) for (const utterance of custom.sampleUtterances) expect(utterance).toMatch(/^[A-Za-z0-9' {}]+$/);
  });

  it('does not copy the dev set: only a few bare commands ("help", "approve {RunId}") coincide', () => {
    const devTexts = readFileSync(DEV_SET, 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => template((JSON.parse(line) as { text: string }).text));
    const utterances = new Set(customIntents.flatMap((custom) => custom.sampleUtterances.map(template)));

    const shared = devTexts.filter((text) => utterances.has(text));

    expect(shared.length).toBeLessThanOrEqual(devTexts.length / 4);
    for (const text of shared) expect(text.split(' ').length).toBeLessThanOrEqual(4);
  });
});
