import { trainSimilarityClassifier } from '../../../../bot/emulator/nlu/similarity-classifier';

const documents = [
  { intent: 'ListWorkflows', words: ['list', 'the', 'workflows'] },
  { intent: 'ListWorkflows', words: ['which', 'workflows', 'exist'] },
  { intent: 'GetRunStatus', words: ['status', 'of', 'runref'] },
];

describe('trainSimilarityClassifier', () => {
  it("scores each intent by its closest utterance's cosine, with stems matching", () => {
    const classifier = trainSimilarityClassifier(documents);

    const scores = classifier.classify(['listing', 'workflow']);

    expect(scores.get('ListWorkflows')).toBeGreaterThan(0.5);
    expect(scores.get('GetRunStatus')).toBe(0);
  });

  it('gives an exact training utterance a score of 1', () => {
    expect(trainSimilarityClassifier(documents).classify(['status', 'of', 'runref']).get('GetRunStatus')).toBeCloseTo(1);
  });

  it('scores nothing for words it never saw', () => {
    expect(Math.max(...trainSimilarityClassifier(documents).classify(['pizza']).values())).toBe(0);
  });
});
