import { parseTimestamp } from '../../../workflows/engine/parse-timestamp';

describe('parseTimestamp', () => {
  it.each([
    ['2016-03-14T01:59:00Z', Date.UTC(2016, 2, 14, 1, 59)],
    ['2016-03-14T01:59:00.5Z', Date.UTC(2016, 2, 14, 1, 59) + 500],
    ['2016-03-05T21:29:29.243167252Z', Date.UTC(2016, 2, 5, 21, 29, 29) + 243.167252],
    ['2016-03-14T02:59:00+01:00', Date.UTC(2016, 2, 14, 1, 59)],
  ])('reads %s', (text, expected) => {
    expect(parseTimestamp(text)).toBeCloseTo(expected, 3);
  });

  it.each(['2016-13-05T21:29:29Z', '2016-12-05 21:29:29Z', '2016-12-05T21:29:29', '05-12-2016T21:29:29Z', '2023-02-29T00:00:00Z', ''])(
    'rejects %j',
    (text) => {
      expect(parseTimestamp(text)).toBeUndefined();
    },
  );
});
