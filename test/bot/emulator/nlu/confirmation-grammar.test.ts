import { confirmationAnswer } from '../../../../bot/emulator/nlu/confirmation-grammar';

describe('confirmationAnswer', () => {
  it.each([
    'yes',
    'Yep, go ahead',
    'yeah',
    'sure',
    'ok',
    'Okay!',
    'go ahead',
    'do it',
    'please do',
    'confirm',
    'absolutely',
    'y',
    'yes please',
    'sure, why not',
  ])('hears %j as yes', (text) => {
    expect(confirmationAnswer(text)).toBe('yes');
  });

  it.each(['no', 'nope', 'nah', "don't", 'cancel that', 'no thanks', 'not now', 'n', 'absolutely not', 'No, thank you.'])(
    'hears %j as no',
    (text) => {
      expect(confirmationAnswer(text)).toBe('no');
    },
  );

  it.each(['maybe', 'yes but tomorrow', 'what?', 'please', '', 'ok it', 'start deploy-service'])('finds %j unclear', (text) => {
    expect(confirmationAnswer(text)).toBeUndefined();
  });
});
