import { checksum } from '../../../../workflows/definitions/handlers/checksum';

describe('checksum', () => {
  it('is the 32-bit FNV-1a hash of the text', () => {
    const hashes = [checksum(''), checksum('a'), checksum('foobar')];

    expect(hashes).toStrictEqual([0x811c9dc5, 0xe40c292c, 0xbf9cf968]);
  });
});
