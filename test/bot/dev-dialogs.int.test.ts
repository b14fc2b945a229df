/**
 * The ten scripted dev dialogs (test/fixtures/bot/dialogs-dev.jsonl), each replayed through POST
 * /api/chat against a dev stack seeded with the demo runs, as `statecraft demo` seeds them. A dialog
 * that decides an approval gets a fresh stack: an approval is decided once, and deciding it changes
 * which approvals are left to the dialogs after ("approve it" picks the only one). The others only
 * read the demo runs or start runs of their own, so they share one stack.
 */
import { startChatStack, type ChatStack } from '../helpers/chat-stack';
import { readJsonLines, replayDialog, type DialogTurnScript } from '../helpers/dialog-replay';

jest.setTimeout(180_000);

const dialogs = readJsonLines<DialogTurnScript[]>('dialogs-dev.jsonl');

/** Whether a turn of the dialog approves or rejects a run. */
function decidesApproval(turns: readonly DialogTurnScript[]): boolean {
  return turns.some(
    (turn) => (turn.expect.intent === 'ApproveRun' || turn.expect.intent === 'RejectRun') && turn.expect.state === 'Fulfilled',
  );
}

async function seededStack(): Promise<ChatStack> {
  const chat = await startChatStack();
  await chat.seedDemo();
  return chat;
}

describe('the dev dialogs', () => {
  let shared: Promise<ChatStack> | undefined;
  let fresh: ChatStack | undefined;

  afterEach(async () => {
    await fresh?.stop();
    fresh = undefined;
  });

  afterAll(async () => {
    const chat = await shared?.catch(() => undefined); // a stack that failed to start failed its tests already
    await chat?.stop();
  });

  async function stackFor(turns: readonly DialogTurnScript[]): Promise<ChatStack> {
    if (!decidesApproval(turns)) return (shared ??= seededStack());
    fresh = await seededStack();
    return fresh;
  }

  it.each(dialogs.map((turns, index) => [index + 1, turns.map((turn) => turn.user).join(' / '), turns] as const))(
    'dialog %i: %s',
    async (_index, _said, turns) => {
      const chat = await stackFor(turns);

      const mismatch = await replayDialog(chat, turns);

      expect(mismatch).toBeUndefined();
    },
  );
});
