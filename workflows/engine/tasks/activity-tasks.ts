/**
 * The in-process meeting point of Activity Task states and workers: each scheduled task waits in
 * its activity's queue (oldest first) until a GetActivityTask long poll takes it, and each poll
 * waits until a task is scheduled or its wait runs out. The durable part (which task a worker took)
 * is journaled by the state itself (see attempt-activity-task.ts); after a restart, replaying the
 * executions schedules their untaken tasks again.
 * https://docs.aws.amazon.com/step-functions/latest/apireference/API_GetActivityTask.html
 */
import type { ResourceStore } from '../resource-store';

/** A task waiting for a worker. */
export type PendingActivityTask = {
  readonly taskToken: string;
  /** The task's input, as JSON text. */
  readonly input: string;
  /** Called once, synchronously, when a worker takes the task: records the start durably. */
  start(workerName: string | undefined): void;
};

/** What GetActivityTask hands a worker. */
export type ActivityTaskAssignment = { taskToken: string; input: string };

/** One waiting GetActivityTask: resolved with a task, or with undefined when its wait ends. */
class Poll {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    readonly workerName: string | undefined,
    private readonly resolve: (assignment: ActivityTaskAssignment | undefined) => void,
    private readonly release: (poll: Poll) => void,
    private readonly signal: AbortSignal | undefined,
  ) {}

  arm(waitMs: number): void {
    this.timer = setTimeout(() => this.end(undefined), waitMs);
    this.signal?.addEventListener('abort', this, { once: true });
  }

  /** The poller went away (its connection closed). */
  handleEvent(): void {
    this.end(undefined);
  }

  end(assignment: ActivityTaskAssignment | undefined): void {
    clearTimeout(this.timer);
    this.signal?.removeEventListener('abort', this);
    this.release(this);
    this.resolve(assignment);
  }
}

function removeFrom<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key);
  const index = list ? list.indexOf(item) : -1;
  if (!list || index < 0) return;
  list.splice(index, 1);
  if (!list.length) map.delete(key);
}

/** Queues of scheduled activity tasks and the polls waiting for them, by activity ARN. */
export class ActivityTasks {
  private readonly queues = new Map<string, PendingActivityTask[]>();
  private readonly polls = new Map<string, Poll[]>();
  private closed = false;

  constructor(private readonly store: Pick<ResourceStore, 'getActivity'>) {}

  /** Whether the activity exists (Activity Task states fail with States.Runtime when it does not). */
  exists(activityArn: string): boolean {
    return this.store.getActivity(activityArn) !== undefined;
  }

  /** Offers `task` to the workers of `activityArn`; returns the function that withdraws it if no worker took it yet. */
  offer(activityArn: string, task: PendingActivityTask): () => void {
    const poll = this.polls.get(activityArn)?.[0];
    if (poll) {
      task.start(poll.workerName);
      poll.end({ taskToken: task.taskToken, input: task.input });
      return () => {};
    }
    const queue = this.queues.get(activityArn);
    if (queue) queue.push(task);
    else this.queues.set(activityArn, [task]);
    return () => removeFrom(this.queues, activityArn, task);
  }

  /** Takes the oldest task of `activityArn`, waiting up to `waitMs` for one; undefined when none came (or `signal` fired). */
  poll(
    activityArn: string,
    workerName: string | undefined,
    waitMs: number,
    signal?: AbortSignal,
  ): Promise<ActivityTaskAssignment | undefined> {
    const task = this.queues.get(activityArn)?.[0];
    if (task) {
      removeFrom(this.queues, activityArn, task);
      task.start(workerName);
      return Promise.resolve({ taskToken: task.taskToken, input: task.input });
    }
    if (this.closed || signal?.aborted || waitMs <= 0) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      const poll = new Poll(workerName, resolve, (done) => removeFrom(this.polls, activityArn, done), signal);
      const polls = this.polls.get(activityArn);
      if (polls) polls.push(poll);
      else this.polls.set(activityArn, [poll]);
      poll.arm(waitMs);
    });
  }

  /** How many tasks wait for a worker. */
  get queued(): number {
    let count = 0;
    for (const queue of this.queues.values()) count += queue.length;
    return count;
  }

  /** Ends every waiting poll with no task and refuses new waits (engine shutdown). */
  close(): void {
    this.closed = true;
    for (const polls of [...this.polls.values()]) for (const poll of [...polls]) poll.end(undefined);
  }
}
