import { parseJsonPath, renderSegments, type ParsedJsonPath } from '../../../../workflows/engine/data-flow/parse-json-path';

describe('parseJsonPath', () => {
  it.each<[string, Omit<ParsedJsonPath, 'text'>]>([
    ['$', { root: { kind: 'data' }, segments: [], definite: true }],
    ['$$', { root: { kind: 'context' }, segments: [], definite: true }],
    [
      '$.a.b',
      {
        root: { kind: 'data' },
        segments: [
          { kind: 'name', name: 'a' },
          { kind: 'name', name: 'b' },
        ],
        definite: true,
      },
    ],
    ['$.input-value', { root: { kind: 'data' }, segments: [{ kind: 'name', name: 'input-value' }], definite: true }],
    [
      '$[\'a.b\']["c"]',
      {
        root: { kind: 'data' },
        segments: [
          { kind: 'name', name: 'a.b' },
          { kind: 'name', name: 'c' },
        ],
        definite: true,
      },
    ],
    ["$['it\\'s']", { root: { kind: 'data' }, segments: [{ kind: 'name', name: "it's" }], definite: true }],
    [
      '$.items[0][-1]',
      {
        root: { kind: 'data' },
        segments: [
          { kind: 'name', name: 'items' },
          { kind: 'index', index: 0 },
          { kind: 'index', index: -1 },
        ],
        definite: true,
      },
    ],
    [
      '$$.Execution.Input',
      {
        root: { kind: 'context' },
        segments: [
          { kind: 'name', name: 'Execution' },
          { kind: 'name', name: 'Input' },
        ],
        definite: true,
      },
    ],
    ['$myVar', { root: { kind: 'variable', name: 'myVar' }, segments: [], definite: true }],
    [
      '$_v2.x[1]',
      {
        root: { kind: 'variable', name: '_v2' },
        segments: [
          { kind: 'name', name: 'x' },
          { kind: 'index', index: 1 },
        ],
        definite: true,
      },
    ],
    ['$[*]', { root: { kind: 'data' }, segments: [{ kind: 'wildcard' }], definite: false }],
    ['$.a.*', { root: { kind: 'data' }, segments: [{ kind: 'name', name: 'a' }, { kind: 'wildcard' }], definite: false }],
    ['$..id', { root: { kind: 'data' }, segments: [{ kind: 'scan' }, { kind: 'name', name: 'id' }], definite: false }],
    [
      '$.a[1:5]',
      {
        root: { kind: 'data' },
        segments: [
          { kind: 'name', name: 'a' },
          { kind: 'slice', from: 1, to: 5 },
        ],
        definite: false,
      },
    ],
    [
      '$.a[0,2]',
      {
        root: { kind: 'data' },
        segments: [
          { kind: 'name', name: 'a' },
          { kind: 'indexes', indexes: [0, 2] },
        ],
        definite: false,
      },
    ],
    ["$['a','b']", { root: { kind: 'data' }, segments: [{ kind: 'names', names: ['a', 'b'] }], definite: true }],
    [
      '$.a.[0]',
      {
        root: { kind: 'data' },
        segments: [
          { kind: 'name', name: 'a' },
          { kind: 'index', index: 0 },
        ],
        definite: true,
      },
    ],
    [
      '$$.Map.Item.[0]',
      {
        root: { kind: 'context' },
        segments: [
          { kind: 'name', name: 'Map' },
          { kind: 'name', name: 'Item' },
          { kind: 'index', index: 0 },
        ],
        definite: true,
      },
    ],
    [
      '$.a.length()',
      {
        root: { kind: 'data' },
        segments: [
          { kind: 'name', name: 'a' },
          { kind: 'function', name: 'length', text: 'length()' },
        ],
        definite: true,
      },
    ],
  ])('parses %s', (text, expected) => {
    const parsed = parseJsonPath(text);

    expect(parsed).toStrictEqual({ text, ...expected });
  });

  it('parses a filter, keeping its text', () => {
    const parsed = parseJsonPath("$.a[?(@.b == ']')]");

    expect(parsed?.segments[1]).toMatchObject({ kind: 'filter', text: "[?(@.b == ']')]" });
    expect(parsed?.definite).toBe(false);
  });

  // Jayway's PathCompiler stops once one character is left after a token (CharacterIndex.currentIsTail) and
  // reads a dot-notation name up to the next `.`, `[` or `(`.
  it.each<[string, string, string | undefined]>([
    ['$.a[', 'a', '['],
    ['$.a]', 'a]', undefined],
  ])('parses %s as the property %j, as Jayway does', (text, name, droppedTail) => {
    const parsed = parseJsonPath(text);

    expect(parsed?.segments).toStrictEqual([{ kind: 'name', name }]);
    expect(parsed?.droppedTail).toBe(droppedTail);
  });

  it.each(['', 'foo', 'States.Format()', '$1', '$.', '$..', '$a b', '$.a[]', '$x.', 'a.$', '$[', '$.a...b'])(
    'does not parse %j as a path',
    (text) => {
      const parsed = parseJsonPath(text);

      expect(parsed).toBeUndefined();
    },
  );

  it('renders segments in the normalized bracket form Jayway prints', () => {
    const parsed = parseJsonPath("$.a['b c'][3][*]");

    const rendered = renderSegments(parsed?.segments ?? []);

    expect(rendered).toBe("['a']['b c'][3][*]");
  });
});
