import { InvalidInputError } from '../../../../workflows/definitions/handlers/errors';
import { readInput } from '../../../../workflows/definitions/handlers/read-input';

describe('readInput', () => {
  const payload = { name: 'eu', count: 3, late: true, tags: ['a', 'b'], nested: { list: [{ id: 'x' }] }, empty: null };

  it('reads typed fields, nested objects and lists', () => {
    const input = readInput(payload);

    expect(input.string('name')).toBe('eu');
    expect(input.number('count')).toBe(3);
    expect(input.boolean('late', false)).toBe(true);
    expect(input.strings('tags')).toStrictEqual(['a', 'b']);
    expect(input.record('nested').list('list')[0].string('id')).toBe('x');
  });

  it('falls back for missing or null optional fields', () => {
    const input = readInput(payload);

    expect(input.number('missing', 0)).toBe(0);
    expect(input.boolean('empty', false)).toBe(false);
    expect(input.optionalString('empty')).toBeUndefined();
  });

  it.each([
    ['a list as the payload', () => readInput([]), 'input', 'an object'],
    ['a number where text belongs', () => readInput(payload).string('count'), 'input.count', 'a string'],
    ['a missing number without fallback', () => readInput(payload).number('missing'), 'input.missing', 'a number'],
    ['mixed list items', () => readInput({ tags: ['a', 1] }).strings('tags'), 'input.tags', 'a list of strings'],
    ['a bad nested item', () => readInput(payload).record('nested').list('list')[0].number('id'), 'input.nested.list[0].id', 'a number'],
  ])('throws InvalidInput for %s, naming the field', (_case, read, field, expected) => {
    const attempt = () => read();

    expect(attempt).toThrow(InvalidInputError);
    expect(attempt).toThrow(`'${field}' must be ${expected}`);
  });
});
