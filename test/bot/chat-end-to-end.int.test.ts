/**
 * The chatbot end to end on the dev stack: POST /api/chat → the real Lex SDK client over h2c → the
 * local Lex runtime → the code hook → the engine, the ledger and the decision path.
 */
import { startChatStack, type ChatStack } from '../helpers/chat-stack';
import { eventually } from '../helpers/api-stack';

jest.setTimeout(120_000);

let chat: ChatStack;

const alice = { user: 'alice', groups: ['operators', 'release-managers'] };
const rita = { user: 'rita', groups: ['release-managers', 'viewers'] };
const victor = { user: 'victor', groups: ['viewers'] };
const bob = { user: 'bob', groups: ['operators'] };

beforeAll(async () => {
  chat = await startChatStack();
});

afterAll(async () => {
  await chat?.stop();
});

describe('the chatbot on the dev stack', () => {
  it('starts deploy-service after confirmation; the starter may not approve it, a release manager may, and it succeeds', async () => {
    const asked = await chat.chat(
      alice,
      'kick off deploy-service with {"service":"checkout-api","version":"2.15.0","commit":"abc1234","requestedBy":"alice","rollout":{"canaryPercent":10,"bakeSeconds":1},"failTests":[]}',
    );
    const started = await chat.chat(alice, 'yes', asked.conversationId);
    const runId = /as (r-[0-9a-f]{6})\./.exec(started.text)?.[1] ?? '';
    const client = await chat.api(alice);
    await eventually(async () => ((await client.get(`/api/runs/${runId}`)).body.status === 'WAITING_FOR_APPROVAL' ? true : undefined), {
      timeout: 15_000,
    });
    const ownApproval = await chat.chat(alice, 'approve it', asked.conversationId);
    const approved = await chat.chat(rita, 'approve it');

    expect([asked.intent, asked.dialogAction, asked.state]).toEqual(['StartWorkflow', 'ConfirmIntent', 'InProgress']);
    expect(asked.text).toContain('"bakeSeconds":1');
    expect([started.dialogAction, started.state]).toEqual(['Close', 'Fulfilled']);
    expect(runId).toMatch(/^r-/);
    expect((await client.get(`/api/runs/${runId}`)).body).toMatchObject({ startedBy: 'alice', channel: 'chat' });
    expect([ownApproval.intent, ownApproval.dialogAction, ownApproval.state]).toEqual(['ApproveRun', 'Close', 'Failed']);
    expect(ownApproval.text).toBe(`You started ${runId}, so someone else has to approve or reject it (four-eyes rule).`);
    expect(approved.text).toMatch(/^Approved r-/);
    expect([approved.intent, approved.dialogAction, approved.state]).toEqual(['ApproveRun', 'Close', 'Fulfilled']);
    await eventually(async () => ((await client.get(`/api/runs/${runId}`)).body.status === 'SUCCEEDED' ? true : undefined), {
      timeout: 30_000,
    });
  });

  it('does not let a viewer start a run', async () => {
    const reply = await chat.chat(victor, 'start nightly-report');

    expect([reply.intent, reply.dialogAction, reply.state]).toEqual(['StartWorkflow', 'Close', 'Failed']);
    expect(reply.text).toMatch(/^You can't start workflows/);
  });

  it('keeps two users apart even when they send the same conversation id', async () => {
    const conversationId = 'shared-conversation-1';
    const aliceAsked = await chat.chat(alice, 'launch nightly-report', conversationId);
    const bobSaysYes = await chat.chat(bob, 'yes', conversationId);
    const aliceConfirms = await chat.chat(alice, 'yes', conversationId);

    expect(aliceAsked.dialogAction).toBe('ConfirmIntent');
    expect(bobSaysYes.intent).not.toBe('StartWorkflow');
    expect([aliceConfirms.intent, aliceConfirms.state]).toEqual(['StartWorkflow', 'Fulfilled']);
    const bobsRuns = (await (await chat.api(bob)).get('/api/runs?workflow=nightly-report')).body.runs as { runId: string }[];
    expect(bobsRuns).toHaveLength(1);
  });

  it('continues a slot elicitation across a restart of the stack', async () => {
    const asked = await chat.chat(alice, 'start a workflow');
    await chat.restart();
    const answered = await chat.chat(alice, 'the nightly report', asked.conversationId);

    expect([asked.dialogAction, asked.slotToElicit]).toEqual(['ElicitSlot', 'WorkflowName']);
    expect([answered.intent, answered.dialogAction, answered.slots.WorkflowName]).toEqual([
      'StartWorkflow',
      'ConfirmIntent',
      'nightly-report',
    ]);
  });

  it('refuses a request without a token or without text', async () => {
    const client = await chat.api(alice);
    const anonymous = await fetch(`${chat.stack.apiUrl}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"text":"help"}',
    });
    const empty = await client.post('/api/chat', { text: '   ' });
    const badConversation = await client.post('/api/chat', { text: 'help', conversationId: '../other' });

    expect(anonymous.status).toBe(401);
    expect(empty.status).toBe(400);
    expect(badConversation.status).toBe(400);
    expect(String(badConversation.body.detail)).toContain('conversationId');
  });
});
