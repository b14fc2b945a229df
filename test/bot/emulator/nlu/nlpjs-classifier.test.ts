import { trainNlpjsClassifier } from '../../../../bot/emulator/nlu/nlpjs-classifier';

const documents = [
  { intent: 'ListWorkflows', text: 'list workflows' },
  { intent: 'ListWorkflows', text: 'show me the workflows' },
  { intent: 'Help', text: 'help' },
  { intent: 'Help', text: 'what can you do' },
];

describe('trainNlpjsClassifier', () => {
  it('trains quietly and ranks the matching intent first', async () => {
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);

    const classifier = await trainNlpjsClassifier(documents);
    const scores = await classifier.classify('list all the workflows');

    expect(log).not.toHaveBeenCalled();
    expect(scores.get('ListWorkflows')).toBeGreaterThan(scores.get('Help') ?? 0);
    log.mockRestore();
  });

  it("drops nlp.js's None intent", async () => {
    const classifier = await trainNlpjsClassifier(documents);

    const scores = await classifier.classify('zebra');

    expect(scores.has('None')).toBe(false);
  });
});
