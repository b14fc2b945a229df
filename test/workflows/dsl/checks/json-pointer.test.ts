import { locatePointer, parsePointer, valueAtPointer } from '../../../../workflows/dsl/checks/json-pointer';

describe('json-pointer', () => {
  it('unescapes ~1 and ~0 in segments', () => {
    const segments = parsePointer('/States/Read~1Write/a~0b');

    expect(segments).toStrictEqual(['States', 'Read/Write', 'a~b']);
  });

  it.each([
    ['', [], []],
    ['/States', [], ['States']],
    ['/States/A/OutputPath', ['A'], ['OutputPath']],
    ['/States/P/Branches/1/States/B/Parameters/x.$', ['P', 'B'], ['Parameters', 'x.$']],
    ['/States/P/Branches/0', ['P'], ['Branches', '0']],
    ['/States/M/ItemProcessor/States/X/Choices/0/Variable', ['M', 'X'], ['Choices', '0', 'Variable']],
    ['/States/M/Iterator/States/X', ['M', 'X'], []],
    ['/States/A/Parameters/States/x', ['A'], ['Parameters', 'States', 'x']],
  ])('locates %j at state %j, field %j', (pointer, statePath, field) => {
    const location = locatePointer(parsePointer(pointer));

    expect(location).toStrictEqual({ statePath, field });
  });

  it('reads the value at a pointer, or undefined past the end', () => {
    const root = { States: { A: { Branches: [{ x: 1 }] } } };

    expect(valueAtPointer(root, ['States', 'A', 'Branches', '0', 'x'])).toBe(1);
    expect(valueAtPointer(root, ['States', 'B', 'Type'])).toBeUndefined();
  });
});
