import { VariableFrame } from '../../../workflows/engine/variable-frame';

describe('VariableFrame', () => {
  it('lets a child frame read outer variables and shadow them without changing the outer frame', () => {
    const outer = new VariableFrame();
    outer.assign({ a: 1, b: 2 });
    const inner = outer.child();

    inner.assign({ b: 3, c: 4 });

    expect(inner.visible()).toStrictEqual({ a: 1, b: 3, c: 4 });
    expect(outer.visible()).toStrictEqual({ a: 1, b: 2 });
  });

  it('sees later outer assignments', () => {
    const outer = new VariableFrame();
    const inner = outer.child();
    inner.visible();

    outer.assign({ late: true });

    expect(inner.visible()).toStrictEqual({ late: true });
  });
});
