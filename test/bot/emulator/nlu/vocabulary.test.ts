import { Vocabulary } from '../../../../bot/emulator/nlu/vocabulary';

function vocabulary(): Vocabulary {
  const words = new Vocabulary({ placeholders: new Set(['runref']), neutral: new Set(['freetext']), unknownWeight: 0.5 });
  words.add('ListWorkflows', ['list', 'the', 'workflows']);
  words.add('GetRunStatus', ['status', 'of', 'runref']);
  words.add('Help', ['help', 'me']);
  words.add('ApproveRun', ['approve', 'runref', 'name']);
  words.add('StartWorkflow', ['start', 'the', 'workflows']);
  return words;
}

describe('Vocabulary', () => {
  it.each([
    ['lsit', 'list'],
    ['stauts', 'status'],
    ['hlep', 'help'],
    ['hlp', 'help'],
    ['aprove', 'approve'],
    ['strat', 'start'],
    ['workflow', 'workflows'],
  ])('corrects the typo %j to %j', (typo, word) => {
    expect(vocabulary().correct(typo)).toBe(word);
  });

  it.each(['game', 'joke', 'weather', 'r2d2', 'me'])('leaves %j alone (unknown, too short to judge, or not a typo)', (word) => {
    expect(vocabulary().correct(word)).toBe(word);
  });

  it('finds an utterance of known, specific words fully explained', () => {
    expect(vocabulary().evidence(['approve', 'runref'], new Set())).toBe(1);
  });

  it('finds an utterance of unknown words unexplained', () => {
    expect(vocabulary().evidence(['book', 'flight', 'denver'], new Set())).toBe(0);
  });

  it('leaves function words and neutral placeholders to the classifiers', () => {
    expect(vocabulary().evidence(['what', 'can', 'you', 'do', 'freetext'], new Set())).toBe(1);
  });

  it('weighs unknown words against known ones, and typo fixes at half', () => {
    const words = vocabulary();

    const mixed = words.evidence(['approve', 'pizza'], new Set());
    const fixed = words.evidence(['approve', 'pizza'], new Set([0]));

    expect(mixed).toBeCloseTo(1 / 1.5);
    expect(fixed).toBeCloseTo(0.5 / 1);
  });
});
