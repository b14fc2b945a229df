/** A minimal running execution record for store tests; override what a test is about. */
import type { ExecutionRecord } from '../../workflows/engine';

export function executionRecord(overrides: Partial<ExecutionRecord> = {}): ExecutionRecord {
  return {
    arn: 'arn:aws:states:us-east-1:123456789012:execution:m:e',
    stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:m',
    stateMachineName: 'm',
    name: 'e',
    type: 'STANDARD',
    status: 'RUNNING',
    definition: '{}',
    roleArn: 'arn:aws:iam::123456789012:role/r',
    input: '{}',
    startedAt: 0,
    redriveCount: 0,
    ...overrides,
  };
}
