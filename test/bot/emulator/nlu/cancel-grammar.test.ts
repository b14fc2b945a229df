import { cancelGrammar } from '../../../../bot/emulator/nlu/cancel-grammar';

describe('cancelGrammar', () => {
  const isCancel = cancelGrammar(['drop everything']);

  it.each(['cancel', 'never mind', 'Nevermind.', 'forget it', 'oh, cancel that', 'forget about it please', 'drop everything'])(
    'hears %j as a cancel',
    (text) => {
      expect(isCancel(text)).toBe(true);
    },
  );

  it.each(['cancel that run', 'cancel run r-93e7aa', 'stop it', 'no', 'ok', ''])('does not hear %j as a cancel', (text) => {
    expect(isCancel(text)).toBe(false);
  });
});
