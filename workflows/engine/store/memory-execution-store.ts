/** An ExecutionStore in memory: for tests, `statecraft run` and servers without a data dir. */
import type { JsonValue } from '../../asl';
import type {
  ExecutionFilter,
  ExecutionRecord,
  ExecutionStore,
  StateMachineRecord,
  StoredEvent,
} from '../execution-store';

/** Keeps everything in Maps; `flush()` has nothing to do. */
export class MemoryExecutionStore implements ExecutionStore {
  private readonly stateMachines = new Map<string, StateMachineRecord>();
  private readonly executions = new Map<string, ExecutionRecord>();
  private readonly events = new Map<string, StoredEvent[]>();
  private readonly effects = new Map<string, Map<string, JsonValue>>();

  putStateMachine(record: StateMachineRecord): void {
    this.stateMachines.set(record.arn, { ...record });
  }

  getStateMachine(arn: string): StateMachineRecord | undefined {
    const record = this.stateMachines.get(arn);
    return record && { ...record };
  }

  listStateMachines(): StateMachineRecord[] {
    return [...this.stateMachines.values()].map((record) => ({ ...record }));
  }

  deleteStateMachine(arn: string): void {
    this.stateMachines.delete(arn);
  }

  putExecution(record: ExecutionRecord): void {
    this.executions.set(record.arn, { ...record });
  }

  getExecution(arn: string): ExecutionRecord | undefined {
    const record = this.executions.get(arn);
    return record && { ...record };
  }

  listExecutions(filter: ExecutionFilter = {}): ExecutionRecord[] {
    const out: ExecutionRecord[] = [];
    for (const record of this.executions.values()) {
      if (filter.stateMachineArn && record.stateMachineArn !== filter.stateMachineArn) continue;
      if (filter.status && record.status !== filter.status) continue;
      out.push({ ...record });
    }
    return out;
  }

  appendEvents(executionArn: string, events: StoredEvent[]): void {
    const list = this.events.get(executionArn);
    if (list) list.push(...events);
    else this.events.set(executionArn, [...events]);
  }

  listEvents(executionArn: string): StoredEvent[] {
    return [...(this.events.get(executionArn) ?? [])];
  }

  putEffect(executionArn: string, key: string, value: JsonValue): void {
    const map = this.effects.get(executionArn);
    if (map) map.set(key, value);
    else this.effects.set(executionArn, new Map([[key, value]]));
  }

  listEffects(executionArn: string): Map<string, JsonValue> {
    return new Map(this.effects.get(executionArn) ?? []);
  }

  flush(): void {}

  close(): void {}
}
