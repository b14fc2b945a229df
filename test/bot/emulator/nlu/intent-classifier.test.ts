import { statecraftBot } from '../../../../bot/definition/statecraft-bot';
import { trainIntentClassifier, type IntentClassifier } from '../../../../bot/emulator/nlu/intent-classifier';
import { catalogue } from '../../../../workflows/definitions';

const bot = statecraftBot(catalogue);
const customIntents = bot.intents.filter((intent) => !intent.parentIntentSignature).map((intent) => intent.name);

describe('trainIntentClassifier', () => {
  let classifier: IntentClassifier;

  beforeAll(async () => {
    classifier = await trainIntentClassifier(bot);
  });

  it('ranks every custom intent, best first, with scores in 0..1', async () => {
    const ranked = await classifier.rank('approve r-12ab');

    expect(ranked.map(({ name }) => name).sort()).toStrictEqual([...customIntents].sort());
    expect(ranked.every(({ score }) => score >= 0 && score <= 1)).toBe(true);
    expect(ranked.map(({ score }) => score)).toStrictEqual([...ranked.map(({ score }) => score)].sort((a, b) => b - a));
  });

  it.each([
    ['lsit workflows pls', 'ListWorkflows'],
    ['strat deploy-service', 'StartWorkflow'],
    ['stauts of r-3c9d0f', 'GetRunStatus'],
    ['hlep', 'Help'],
    ['aprove r-12ab', 'ApproveRun'],
    ['rejcet r-12ab', 'RejectRun'],
    ['stpo r-93e7aa', 'StopRun'],
  ])('sees through the typo in %j', async (text, intent) => {
    const [top] = await classifier.rank(text);

    expect(top).toMatchObject({ name: intent });
    expect(top.score).toBeGreaterThanOrEqual(bot.nluConfidenceThreshold);
  });

  it.each([
    ["what's the weather like in Seattle?"],
    ['tell me a joke'],
    ['book me a flight to Denver next Friday'],
    ["what's the capital of Australia"],
    ['recommend a good sci-fi movie'],
    ['order me a pizza'],
    ['play some music'],
    ['where is the nearest coffee shop'],
    ['asdfgh qwerty'],
    ['hello there'],
  ])('scores the out-of-domain %j below the threshold, so FallbackIntent wins', async (text) => {
    const [top] = await classifier.rank(text);

    expect(top.score).toBeLessThan(bot.nluConfidenceThreshold);
  });

  it.each([
    ["don't approve r-7f3a9c", 'RejectRun'],
    ['cancel that run', 'StopRun'],
    ['what needs sign-off?', 'ListPendingApprovals'],
    ['how do I approve something?', 'Help'],
    ['block it, the deploy window is closed', 'RejectRun'],
    ['please cancel execution r-9c1e22, it was started by mistake', 'StopRun'],
    ['what can I kick off?', 'ListWorkflows'],
  ])('tells apart the near-misses of the labelling rules: %j is %s', async (text, intent) => {
    const [top] = await classifier.rank(text);

    expect(top.name).toBe(intent);
  });

  it('is confident about a run id or workflow name even among unknown words', async () => {
    const [top] = await classifier.rank('how did r-51be02 end up');

    expect(top).toMatchObject({ name: 'GetRunStatus' });
    expect(top.score).toBeGreaterThanOrEqual(bot.nluConfidenceThreshold);
  });

  it('scores an empty text zero everywhere', async () => {
    const ranked = await classifier.rank('  ?! ');

    expect(ranked.every(({ score }) => score === 0)).toBe(true);
  });
});
