import type { TaskState } from '../../../../workflows/asl';
import { summarizeTimeout } from '../../../../workflows/dsl/graph/summarize-timeout';

type Timeouts = Pick<TaskState, 'TimeoutSeconds' | 'TimeoutSecondsPath' | 'HeartbeatSeconds' | 'HeartbeatSecondsPath'>;

describe('summarizeTimeout', () => {
  it.each<[string, Timeouts, string | undefined]>([
    ['timeout and heartbeat in readable units', { TimeoutSeconds: 300, HeartbeatSeconds: 60 }, 'timeout 5m, heartbeat 1m'],
    ['a timeout alone', { TimeoutSeconds: 90 }, 'timeout 90s'],
    ['reference paths as written', { TimeoutSecondsPath: '$.t', HeartbeatSecondsPath: '$.h' }, 'timeout $.t, heartbeat $.h'],
    ['a JSONata expression without its {% %}', { TimeoutSeconds: '{% $deadline %}' }, 'timeout $deadline'],
    ['nothing when no timeout is set', {}, undefined],
  ])('summarises %s', (_case, state, expected) => {
    const summary = summarizeTimeout(state);

    expect(summary).toBe(expected);
  });
});
