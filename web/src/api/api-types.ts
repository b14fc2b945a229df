/** The API's response shapes the console reads (the OpenAPI document describes them all). */
import type { WorkflowGraph } from '../graph/workflow-graph-types';

export type WorkflowSummary = { name: string; description: string; stateMachineArn: string; mayStart: boolean };
export type WorkflowDetails = WorkflowSummary & {
  inputExample: unknown;
  definition: StateMachineJson;
  graph: WorkflowGraph;
  approvalSteps: { stateName: string; approvers: { users: string[]; groups: string[] } }[];
};
export type StateMachineJson = {
  StartAt: string;
  States: Record<string, StateJson>;
  Comment?: string;
  TimeoutSeconds?: number;
  QueryLanguage?: string;
};
export type StateJson = {
  Type: string;
  Branches?: StateMachineJson[];
  ItemProcessor?: StateMachineJson;
  Iterator?: StateMachineJson;
  [field: string]: unknown;
};
export type RunSummary = { runId: string; workflow: string; executionArn: string; status: string; startedAt: string; stoppedAt?: string };
export type RunDetails = RunSummary & {
  input: unknown;
  output?: unknown;
  error?: string;
  cause?: string;
  currentStates: string[];
  waitingForApproval: string[];
  startedBy: string | null;
  channel: string | null;
};
export type ApiHistoryEvent = { id: number; previousEventId?: number; type: string; timestamp: string; details?: Record<string, unknown> };
