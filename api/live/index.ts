/** Live events (`GET /ws`): the public surface for api/server.ts and the approvals module. */
export { HistoryFollower, DEFAULT_HISTORY_POLL_MS, type HistoryFollowerOptions } from './history-follower';
export {
  LiveHub,
  workflowOfArn,
  type ApprovalNotice,
  type KnownRun,
  type LiveConnection,
  type LiveHubOptions,
  type LiveListener,
  type MayRead,
  type WatchedRun,
} from './live-hub';
export {
  topicMatches,
  type ApprovalEventType,
  type LiveEvent,
  type LiveEventInput,
  type LiveEventType,
  type LiveTopic,
} from './live-event';
export { publishApprovalEvent } from './publish-approval-event';
export { systemLiveClock, type LiveClock, type LiveTimer } from './live-clock';
export {
  attachLiveSocket,
  CLOSE_UNAUTHORIZED,
  type AccessOf,
  type LiveSocket,
  type LiveSocketOptions,
  type VerifyLiveToken,
} from './live-socket-server';
export {
  parseStatusChangeEvent,
  STATUS_CHANGE_DETAIL_TYPE,
  toStatusChangeEvent,
  type ExecutionStatusRecord,
  type StatusChangeDetail,
  type StatusChangeEvent,
  type StatusChangeStatus,
} from './status-change-event';
