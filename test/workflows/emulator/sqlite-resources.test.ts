/** Activities and tags in the SQLite store, through SqliteExecutionStore. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteExecutionStore } from '../../../workflows/emulator';

const MACHINE = 'arn:aws:states:us-east-1:123456789012:stateMachine:m';
const ACTIVITY = 'arn:aws:states:us-east-1:123456789012:activity:a';

describe('SqliteResources', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'statecraft-resources-'));
  });

  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps activities and tags across a reopen, even without a flush', () => {
    const store = new SqliteExecutionStore(dataDir);
    store.putActivity({ arn: ACTIVITY, name: 'a', createdAt: 7, encryptionConfiguration: { type: 'AWS_OWNED_KEY' } });
    store.putTags(ACTIVITY, [{ key: 'k', value: 'v' }]);
    store.putTags(MACHINE, [
      { key: 'b', value: '2' },
      { key: 'a', value: '1' },
    ]);

    const reopened = new SqliteExecutionStore(dataDir);

    expect(reopened.getActivity(ACTIVITY)).toStrictEqual({
      arn: ACTIVITY,
      name: 'a',
      createdAt: 7,
      encryptionConfiguration: { type: 'AWS_OWNED_KEY' },
    });
    expect(reopened.listActivities().map((activity) => activity.name)).toStrictEqual(['a']);
    expect(reopened.getTags(ACTIVITY)).toStrictEqual([{ key: 'k', value: 'v' }]);
    expect(reopened.getTags(MACHINE)).toStrictEqual([
      { key: 'b', value: '2' },
      { key: 'a', value: '1' },
    ]);
    reopened.close();
    store.close();
  });

  it('drops the tags of deleted activities and state machines, and of an emptied list', () => {
    const store = new SqliteExecutionStore(dataDir);
    store.putActivity({ arn: ACTIVITY, name: 'a', createdAt: 7 });
    store.putTags(ACTIVITY, [{ key: 'k', value: 'v' }]);
    store.putTags(MACHINE, [{ key: 'k', value: 'v' }]);

    store.deleteActivity(ACTIVITY);
    store.deleteStateMachine(MACHINE);
    store.putTags('arn:other', [{ key: 'k', value: 'v' }]);
    store.putTags('arn:other', []);

    expect(store.getActivity(ACTIVITY)).toBeUndefined();
    expect([store.getTags(ACTIVITY), store.getTags(MACHINE), store.getTags('arn:other')]).toStrictEqual([[], [], []]);
    store.close();
  });
});
