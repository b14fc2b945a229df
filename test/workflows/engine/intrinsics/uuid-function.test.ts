import type { PathScope } from '../../../../workflows/engine/data-flow';
import { StatesError } from '../../../../workflows/engine/errors';
import { evaluateIntrinsic } from '../../../../workflows/engine/intrinsics';

const scope: PathScope = { context: {}, variables: {} };
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('States.UUID', () => {
  it('returns a fresh version 4 UUID on each call', () => {
    const first = evaluateIntrinsic('States.UUID()', {}, scope);
    const second = evaluateIntrinsic('States.UUID()', {}, scope);

    expect(first).toMatch(UUID_V4);
    expect(second).toMatch(UUID_V4);
    expect(first).not.toBe(second);
  });

  it('takes no arguments', () => {
    const run = () => evaluateIntrinsic("States.UUID('seed')", {}, scope);

    expect(run).toThrow(new StatesError('States.IntrinsicFailure', 'Invalid arguments in States.UUID: expected 0 arguments, got 1'));
  });
});
