import { routeLexRequest } from '../../../bot/emulator/route-lex-request';

const base = '/bots/STATECRAFT/botAliases/TSTALIASID/botLocales/en_US/sessions';

describe('routeLexRequest', () => {
  it.each([
    ['POST', `${base}/u-1/text`, 'RecognizeText'],
    ['POST', `${base}/u-1`, 'PutSession'],
    ['GET', `${base}/u-1`, 'GetSession'],
    ['DELETE', `${base}/u-1?x=1`, 'DeleteSession'],
  ])('routes %s %s to %s', (method, url, operation) => {
    expect(routeLexRequest(method, url)).toEqual({
      operation,
      address: { botId: 'STATECRAFT', botAliasId: 'TSTALIASID', localeId: 'en_US', sessionId: 'u-1' },
    });
  });

  it.each([
    ['GET', `${base}/u-1/text`],
    ['PUT', `${base}/u-1`],
    ['POST', `${base}/u-1/utterance`],
    ['GET', '/bots/STATECRAFT'],
    ['GET', '/'],
  ])('has no operation for %s %s', (method, url) => {
    expect(routeLexRequest(method, url)).toBeUndefined();
  });

  it('URL-decodes the labels', () => {
    expect(routeLexRequest('GET', `${base}/user%3A42.web`)?.address.sessionId).toBe('user:42.web');
  });

  it('refuses a label that is not valid URL encoding', () => {
    expect(() => routeLexRequest('GET', `${base}/%E0%A4%A`)).toThrow(expect.objectContaining({ code: 'ValidationException' }));
  });
});
