import { MAX_DEFINITION_BYTES } from '../../../../workflows/asl';
import { diagnose, error, machine } from './diagnose';

const CODE = 'definition-too-large';

describe('checkDefinitionSize (definition-too-large)', () => {
  it('reports a definition over 1 MiB of UTF-8, counting bytes rather than characters', () => {
    const definition = machine({ Big: { Type: 'Pass', Result: 'é'.repeat(600_000), End: true } });
    const bytes = Buffer.byteLength(JSON.stringify(definition), 'utf8');

    const diagnostics = diagnose(definition);

    expect(JSON.stringify(definition).length).toBeLessThan(MAX_DEFINITION_BYTES);
    expect(diagnostics).toStrictEqual([
      error(
        CODE,
        [],
        `Definition is ${bytes.toLocaleString('en-US')} bytes of JSON, over the 1,048,576-byte (1 MiB) limit of AWS Step Functions`,
      ),
    ]);
  });

  it('accepts a definition just under the limit', () => {
    const definition = machine({ Big: { Type: 'Pass', Result: 'a'.repeat(1_000_000), End: true } });

    const diagnostics = diagnose(definition, CODE);

    expect(diagnostics).toStrictEqual([]);
  });
});
