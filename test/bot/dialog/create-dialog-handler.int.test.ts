import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createTokenVerifier } from '../../../api/auth/create-token-verifier';
import { loadSigningKey } from '../../../api/auth/load-signing-key';
import { signLocalToken } from '../../../api/auth/sign-local-token';
import { ensureTable } from '../../../api/storage/ensure-table';
import type { LexCodeHook, LexCodeHookResponse } from '../../../bot/definition/lex-types';
import { ChatSessionStore, chatSessionsTableSpec } from '../../../bot/dialog/chat-session-store';
import { createDialogHandler } from '../../../bot/dialog/create-dialog-handler';
import { identityAttributes } from '../../../bot/dialog/verified-caller';
import { startApprovalHarness, type ApprovalHarness } from '../../api/approvals/approval-harness';
import { lexEvent, type LexEventOptions } from '../../helpers/lex-event';

let harness: ApprovalHarness;
let handler: LexCodeHook;
let keyFile: string;

/** A turn as `user` in `groups`, with a token signed by the stack's key. */
async function turn(who: { user: string; groups: string[] }, options: LexEventOptions): Promise<LexCodeHookResponse> {
  const token = await signLocalToken(who, loadSigningKey(keyFile));
  return handler(lexEvent({ ...options, requestAttributes: options.requestAttributes ?? identityAttributes(who, token) }));
}

const text = (response: LexCodeHookResponse) =>
  (response.messages ?? []).flatMap((message) => (message.contentType === 'PlainText' ? [message.content] : [])).join('\n');
const buttons = (response: LexCodeHookResponse) =>
  response.messages?.flatMap((message) => (message.contentType === 'ImageResponseCard' ? (message.imageResponseCard.buttons ?? []) : [])) ??
  [];
const action = (response: LexCodeHookResponse) => [response.sessionState.dialogAction.type, response.sessionState.intent?.state];

const alice = { user: 'alice', groups: ['operators'] };
const dana = { user: 'dana', groups: ['operators', 'approvers'] };
const viewer = { user: 'victor', groups: ['viewers'] };

beforeAll(async () => {
  harness = await startApprovalHarness();
  keyFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dialog-')), 'key');
  await ensureTable(harness.dynamodb, chatSessionsTableSpec());
  const verifyToken = createTokenVerifier({ mode: 'local', keyFile });
  handler = createDialogHandler({
    lookup: harness.lookup,
    approvals: harness.store,
    sessions: new ChatSessionStore(harness.dynamodb),
    verifyToken,
    clock: harness.apiClock,
  });
});

afterAll(async () => {
  await harness.stop();
});

describe('the dialog code hook', () => {
  it('answers a status question, then approves "it" as someone who did not start the run', async () => {
    const { executionArn } = await harness.startRun('r-aa0001', { startedBy: 'dana' });

    const status = await turn(alice, { intent: 'GetRunStatus', slots: { RunId: 'r-aa0001' }, sessionId: 's-status' });
    const approveIt = await turn(alice, { intent: 'ApproveRun', sessionId: 's-status' });
    const fulfilled = await turn(alice, { intent: 'ApproveRun', source: 'FulfillmentCodeHook', sessionId: 's-status' });

    expect(action(status)).toEqual(['Close', 'Fulfilled']);
    expect(text(status)).toMatch(/r-aa0001 \(release-flow\) is waiting for approval at "Approve release"\. Started .* by dana/);
    expect(buttons(status).map((button) => button.value)).toEqual(['approve r-aa0001', 'reject r-aa0001', 'stop r-aa0001']);
    expect(approveIt.sessionState.dialogAction.type).toBe('Delegate');
    expect(approveIt.sessionState.intent?.slots?.RunId?.value?.interpretedValue).toBe('r-aa0001');
    expect(action(fulfilled)).toEqual(['Close', 'Fulfilled']);
    expect((await harness.finished(executionArn)).status).toBe('SUCCEEDED');
    expect((await harness.store.list({ runId: 'r-aa0001' }))[0].decision).toMatchObject({ decidedBy: 'alice', channel: 'chat' });
  });

  it("refuses the starter's own approval with the four-eyes reason", async () => {
    await harness.startRun('r-aa0002', { startedBy: 'dana' });

    const response = await turn(dana, { intent: 'ApproveRun', slots: { RunId: 'r-aa0002' } });

    expect(action(response)).toEqual(['Close', 'Failed']);
    expect(text(response)).toBe('You started r-aa0002, so someone else has to approve or reject it (four-eyes rule).');
  });

  it('asks which run when two wait for the caller, offering both as buttons', async () => {
    await harness.startRun('r-aa0003', { startedBy: 'dana' });

    const response = await turn(alice, { intent: 'ApproveRun', sessionId: 's-which' });

    expect(response.sessionState.dialogAction).toEqual({ type: 'ElicitSlot', slotToElicit: 'RunId' });
    expect(buttons(response).map((button) => button.value)).toEqual(expect.arrayContaining(['r-aa0002', 'r-aa0003']));
  });

  it('asks why when rejecting without a reason, and records the reason given', async () => {
    const { executionArn } = await harness.startRun('r-aa0004', { startedBy: 'dana' });

    const asked = await turn(alice, { intent: 'RejectRun', slots: { RunId: 'r-aa0004' } });
    const rejected = await turn(alice, {
      intent: 'RejectRun',
      slots: { RunId: 'r-aa0004', Reason: 'wrong version' },
      source: 'FulfillmentCodeHook',
    });

    expect(asked.sessionState.dialogAction).toEqual({ type: 'ElicitSlot', slotToElicit: 'Reason' });
    expect(text(asked)).toMatch(/^Why are you rejecting r-aa0004/);
    expect(action(rejected)).toEqual(['Close', 'Fulfilled']);
    expect((await harness.finished(executionArn)).status).toBe('FAILED');
    expect((await harness.store.list({ runId: 'r-aa0004' }))[0].decision).toMatchObject({
      outcome: 'rejected',
      decidedBy: 'alice',
      reason: 'wrong version',
      channel: 'chat',
    });
  });

  it('reads a reason or an input from the utterance when Lex left the free-text slot empty (FreeFormInput fills only when asked)', async () => {
    await harness.startRun('r-aa0006', { startedBy: 'dana' });

    const rejecting = await turn(alice, {
      intent: 'RejectRun',
      slots: { RunId: 'r-aa0006' },
      transcript: 'reject r-aa0006 because the build is red',
    });
    const rejected = await turn(alice, {
      intent: 'RejectRun',
      slots: { RunId: 'r-aa0006' },
      transcript: 'reject r-aa0006 because the build is red',
      source: 'FulfillmentCodeHook',
    });
    const starting = await turn(alice, {
      intent: 'StartWorkflow',
      slots: { WorkflowName: 'release-flow' },
      transcript: 'start release-flow service=billing',
    });

    expect(rejecting.sessionState.dialogAction.type).toBe('Delegate');
    expect(rejecting.sessionState.intent?.slots?.Reason?.value?.interpretedValue).toBe('the build is red');
    expect(action(rejected)).toEqual(['Close', 'Fulfilled']);
    expect((await harness.store.list({ runId: 'r-aa0006' }))[0].decision).toMatchObject({
      outcome: 'rejected',
      reason: 'the build is red',
    });
    expect(starting.sessionState.dialogAction.type).toBe('ConfirmIntent');
    expect(text(starting)).toContain('"service":"billing"');
    expect(starting.sessionState.intent?.slots?.RunInput?.value?.interpretedValue).toBe('service=billing');
  });

  it('says why it cannot approve an unknown run or one that is not waiting', async () => {
    const unknown = await turn(alice, { intent: 'ApproveRun', slots: { RunId: 'r-000000' } });
    const done = await turn(alice, { intent: 'ApproveRun', slots: { RunId: 'r-aa0001' } });

    expect(action(unknown)).toEqual(['Close', 'Failed']);
    expect(text(unknown)).toMatch(/^I can't find run r-000000\./);
    expect(action(done)).toEqual(['Close', 'Failed']);
    expect(text(done)).toBe('r-aa0001 (release-flow) is not waiting for approval: it has succeeded.');
  });

  it('lists the approvals waiting for the caller, apart from those waiting for someone else', async () => {
    const forAlice = await turn(alice, { intent: 'ListPendingApprovals' });
    const forDana = await turn(dana, { intent: 'ListPendingApprovals' });

    expect(text(forAlice)).toMatch(/^2 waiting for your approval:\n• r-aa000[23] release-flow, "Approve release": Ship checkout\?/);
    expect(text(forDana)).toMatch(
      /^Nothing is waiting for your approval\.\nWaiting for someone else: r-aa000[23] release-flow, r-aa000[23] release-flow\.$/,
    );
  });

  it('trusts only a verified token whose user and groups match what was sent', async () => {
    const forged = await handler(
      lexEvent({ intent: 'ListWorkflows', requestAttributes: { 'statecraft.user': 'alice', 'statecraft.groups': 'admins' } }),
    );
    const token = await signLocalToken(viewer, loadSigningKey(keyFile));
    const widened = await handler(
      lexEvent({ intent: 'ListWorkflows', requestAttributes: { ...identityAttributes(viewer, token), 'statecraft.groups': 'admins' } }),
    );

    for (const response of [forged, widened]) {
      expect(action(response)).toEqual(['Close', 'Failed']);
      expect(text(response)).toBe("I can't tell who you are: sign in again.");
    }
  });

  it('asks which workflow, names an unknown one, confirms with the input, and starts through the ledger', async () => {
    const which = await turn(alice, { intent: 'StartWorkflow', transcript: 'start a workflow' });
    const unknown = await turn(alice, { intent: 'StartWorkflow', transcript: 'start the payroll workflow' });
    const confirm = await turn(alice, { intent: 'StartWorkflow', slots: { WorkflowName: 'release-flow', RunInput: 'service=billing' } });
    const declined = await turn(alice, { intent: 'StartWorkflow', slots: { WorkflowName: 'release-flow' }, confirmationState: 'Denied' });
    const started = await turn(alice, {
      intent: 'StartWorkflow',
      slots: { WorkflowName: 'release-flow', RunInput: 'service=billing' },
      confirmationState: 'Confirmed',
      source: 'FulfillmentCodeHook',
      sessionId: 's-start',
    });

    expect(which.sessionState.dialogAction).toEqual({ type: 'ElicitSlot', slotToElicit: 'WorkflowName' });
    expect(text(which)).toBe('Which workflow? You can start: release-flow, release-train.');
    expect(text(unknown)).toBe('I don\'t know a workflow called "payroll". You can start: release-flow, release-train.');
    expect(confirm.sessionState.dialogAction.type).toBe('ConfirmIntent');
    expect(text(confirm)).toBe('Start release-flow with this input?\n{"service":"billing","requestedBy":"dana"}');
    expect(action(declined)).toEqual(['Close', 'Failed']);
    expect(action(started)).toEqual(['Close', 'Fulfilled']);
    const runId = /as (r-[0-9a-f]{6})\./.exec(text(started))?.[1] ?? '';
    expect(await harness.ledger.get(runId)).toMatchObject({ startedBy: 'alice', channel: 'chat', workflow: 'release-flow' });
    const status = await turn(alice, { intent: 'GetRunStatus', slots: { RunId: 'latest' } });
    expect(text(status)).toContain(`${runId} (release-flow)`);
  });

  it('refuses a viewer who tries to start or stop', async () => {
    const start = await turn(viewer, { intent: 'StartWorkflow', slots: { WorkflowName: 'release-flow' } });
    const stop = await turn(viewer, { intent: 'StopRun', slots: { RunId: 'r-aa0002' } });

    expect(action(start)).toEqual(['Close', 'Failed']);
    expect(text(start)).toMatch(/^You can't start workflows/);
    expect(action(stop)).toEqual(['Close', 'Failed']);
    expect(text(stop)).toMatch(/^You can't stop r-aa0002: victor may not stop runs of release-flow/);
  });

  it('stops a running run for an operator', async () => {
    const { executionArn } = await harness.startRun('r-aa0005', { startedBy: 'dana' });

    const checked = await turn(alice, { intent: 'StopRun', slots: { RunId: 'r-aa0005' } });
    const stopped = await turn(alice, { intent: 'StopRun', slots: { RunId: 'r-aa0005' }, source: 'FulfillmentCodeHook' });

    expect(checked.sessionState.dialogAction.type).toBe('Delegate');
    expect(action(stopped)).toEqual(['Close', 'Fulfilled']);
    expect((await harness.finished(executionArn)).status).toBe('ABORTED');
  });
});
