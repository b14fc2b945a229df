import { parseRunInputAnswer, recognizeRunInput } from '../../../../bot/definition/recognizers/run-input-recognizer';

describe('recognizeRunInput', () => {
  it.each([
    ['start refund-request orderId=991 amount=25.00', 'orderId=991 amount=25.00'],
    ['run deploy-service with service=payments env=staging', 'service=payments env=staging'],
    ['launch deploy-service with {"version": "2.4.1"}', '{"version": "2.4.1"}'],
    ['start data-backfill with {"range": {"from": "a", "to": "b}"}} now', '{"range": {"from": "a", "to": "b}"}}'],
    ['start it with note="two words" amount=3', 'note="two words" amount=3'],
  ])('reads the payload of %j verbatim', (text, value) => {
    expect(recognizeRunInput(text)?.value).toBe(value);
  });

  it.each(['kick off onboarding for customer 42', 'start deploy-service', 'approve r-12ab'])('finds no payload in %j', (text) => {
    expect(recognizeRunInput(text)).toBeUndefined();
  });

  it('reads an answer to "what input?" or nothing', () => {
    expect(parseRunInputAnswer('{"a": 1}')).toBe('{"a": 1}');
    expect(parseRunInputAnswer('no input please')).toBeUndefined();
  });
});
