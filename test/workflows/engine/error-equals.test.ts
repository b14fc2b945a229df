import { errorEqualsMatches } from '../../../workflows/engine/error-equals';

describe('ErrorEquals matching', () => {
  it.each([
    [['States.ALL'], 'Custom', true],
    [['States.ALL'], 'States.Timeout', true],
    [['States.ALL'], 'States.Runtime', false],
    [['States.ALL'], 'States.DataLimitExceeded', false],
    [['States.DataLimitExceeded'], 'States.DataLimitExceeded', true],
    [['States.Runtime'], 'States.Runtime', false],
    [['States.TaskFailed'], 'Lambda.Unknown', true],
    [['States.TaskFailed'], 'States.Timeout', false],
    [['A', 'B'], 'B', true],
    [['State.ALL'], 'Custom', false],
  ])('%j covers %s: %s', (errorEquals, code, expected) => {
    expect(errorEqualsMatches(errorEquals, code)).toBe(expected);
  });
});

describe('heartbeat timeouts', () => {
  it.each([
    [['States.HeartbeatTimeout'], true],
    [['States.Timeout'], true],
    [['States.ALL'], true],
    [['States.TaskFailed'], false],
  ])('a heartbeat expiry (States.Timeout, also States.HeartbeatTimeout) is matched by %j: %s', (errorEquals, matches) => {
    expect(errorEqualsMatches(errorEquals, 'States.Timeout', 'States.HeartbeatTimeout')).toBe(matches);
  });
});
