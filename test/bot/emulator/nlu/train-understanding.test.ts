import { intentNamed, type IntentDefinition } from '../../../../bot/definition/bot-definition';
import { statecraftBot } from '../../../../bot/definition/statecraft-bot';
import { trainUnderstanding } from '../../../../bot/emulator/nlu/train-understanding';
import type { Understanding } from '../../../../bot/emulator/understanding';
import { catalogue } from '../../../../workflows/definitions';

const bot = statecraftBot(catalogue);

function intent(name: string): IntentDefinition {
  const found = intentNamed(bot, name);
  if (!found) throw new Error(`no intent ${name}`);
  return found;
}

describe('trainUnderstanding', () => {
  let understanding: Understanding;

  beforeAll(async () => {
    understanding = await trainUnderstanding(bot);
  });

  it('trains from the definition in well under a second', async () => {
    const started = performance.now();

    await trainUnderstanding(bot);

    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('ranks the intents of a request, the best above the threshold', async () => {
    const [top] = await understanding.rankIntents('kick off deploy-service');

    expect(top.name).toBe('StartWorkflow');
    expect(top.score).toBeGreaterThanOrEqual(bot.nluConfidenceThreshold);
  });

  it.each(['yes', 'no', 'ok', 'nope'])('keeps a bare %j below the threshold: outside a question it asks for nothing', async (text) => {
    const [top] = await understanding.rankIntents(text);

    expect(top.score).toBeLessThan(bot.nluConfidenceThreshold);
  });

  it('still hears "ok it" as an approval', async () => {
    const [top] = await understanding.rankIntents('ok it');

    expect(top.name).toBe('ApproveRun');
    expect(top.score).toBeGreaterThanOrEqual(bot.nluConfidenceThreshold);
  });

  it('hears cancels from the grammar and the CancelIntent utterances', () => {
    expect(understanding.isCancel('never mind')).toBe(true);
    expect(understanding.isCancel('scratch that')).toBe(true);
    expect(understanding.isCancel('cancel that run')).toBe(false);
  });

  it('answers yes, no or unclear to a confirmation prompt', () => {
    expect([
      understanding.confirmation('yep, go ahead'),
      understanding.confirmation('no thanks'),
      understanding.confirmation('hmm, tomorrow maybe'),
    ]).toStrictEqual(['yes', 'no', undefined]);
  });

  it('extracts the filled slots of the intent only', () => {
    const slots = understanding.extractSlots(intent('ApproveRun'), 'approve r-7f3a9c, comment: smoke tests passed');

    expect(Object.fromEntries(Object.entries(slots).map(([name, value]) => [name, value.interpretedValue]))).toStrictEqual({
      RunId: 'r-7f3a9c',
      Comment: 'smoke tests passed',
    });
  });

  it('resolves an elicited slot from the whole answer', () => {
    const workflowName = intent('StartWorkflow').slots[0];

    expect(understanding.resolveElicited(workflowName, 'ok, onboard-customer then')?.interpretedValue).toBe('onboard-customer');
  });
});
