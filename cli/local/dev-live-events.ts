/**
 * Live events in the dev stack: one LiveHub fed by the engine's status changes (through a
 * HistoryFollower, which adds state progress) and by the approvals module, served at `/ws` on the
 * API's HTTP server. The engine starts before the follower can exist, so it is wired in later.
 */
import type { Server } from 'node:http';
import type { SFNClient } from '@aws-sdk/client-sfn';
import type { ApprovalEvent } from '../../api/approvals/approval-event';
import type { VerifyToken } from '../../api/auth/create-token-verifier';
import type { ApiLogger } from '../../api/logger';
import {
  attachLiveSocket,
  HistoryFollower,
  LiveHub,
  publishApprovalEvent,
  toStatusChangeEvent,
  type AccessOf,
  type ExecutionStatusRecord,
  type LiveSocket,
} from '../../api/live';

/** Where the live socket listens on the API's server. */
export const LIVE_PATH = '/ws';

/** The live hub of one dev stack and what feeds it. */
export class DevLiveEvents {
  readonly hub = new LiveHub();
  private follower: HistoryFollower | undefined;
  private socket: LiveSocket | undefined;
  private approvals: Promise<void> = Promise.resolve();

  constructor(private readonly logger: ApiLogger) {}

  /** The engine's status listener: through the follower once it runs, straight to the hub before. */
  readonly onStatusChange = (record: ExecutionStatusRecord): void => {
    const change = toStatusChangeEvent(record);
    if (!this.follower) {
      this.hub.publishStatusChange(change);
      return;
    }
    this.follower
      .ingest(change)
      .catch((error: unknown) => this.logger.error('live: status change failed', { executionArn: record.arn, error: String(error) }));
  };

  /**
   * The approvals listener. Events are published in the order they happen; a request waits for the
   * follower to catch up first, so run.status WAITING_FOR_APPROVAL precedes approval.requested.
   */
  readonly onApprovalEvent = (event: ApprovalEvent): void => {
    const catchUp = event.type === 'approval.requested' && this.follower ? this.follower.pollOnce() : Promise.resolve();
    const previous = this.approvals;
    this.approvals = (async () => {
      await previous;
      try {
        await catchUp;
        publishApprovalEvent(this.hub, event);
      } catch (error) {
        this.logger.error('live: approval event failed', { type: event.type, approvalId: event.approval.approvalId, error: String(error) });
      }
    })();
  };

  /** Starts following the histories of watched runs through the engine's SFN client. */
  follow(sfn: SFNClient, resolveExecutionArn: (runId: string) => Promise<string | undefined>): void {
    this.follower = new HistoryFollower({ hub: this.hub, sfn, resolveExecutionArn, logger: this.logger });
    this.follower.start();
  }

  /** Attaches the live socket to the API's server (call before it listens); each client gets only the workflows `accessOf` lets it read. */
  attach(server: Server, verifyToken: VerifyToken, accessOf: AccessOf): void {
    this.socket = attachLiveSocket(server, { hub: this.hub, verifyToken, accessOf, path: LIVE_PATH, logger: this.logger });
  }

  /** Drops every client, stops following and waits for events in flight. */
  async close(): Promise<void> {
    await this.socket?.close();
    await this.follower?.close();
    await this.approvals;
  }
}
