/**
 * The ten scripted dev dialogs (test/fixtures/bot/dialogs-dev.jsonl), each replayed through POST
 * /api/chat against a fresh dev stack seeded with the demo runs, as `statecraft demo` seeds them.
 */
import { startChatStack, type ChatStack } from '../helpers/chat-stack';
import { readJsonLines, replayDialog, type DialogTurnScript } from '../helpers/dialog-replay';

jest.setTimeout(180_000);

const dialogs = readJsonLines<DialogTurnScript[]>('dialogs-dev.jsonl');

describe('the dev dialogs', () => {
  let chat: ChatStack | undefined;

  afterEach(async () => {
    await chat?.stop();
    chat = undefined;
  });

  it.each(dialogs.map((turns, index) => [index + 1, turns.map((turn) => turn.user).join(' / '), turns] as const))('dialog %i: %s', async (_index, _said, turns) => {
    chat = await startChatStack();
    await chat.seedDemo();

    const mismatch = await replayDialog(chat, turns);

    expect(mismatch).toBeUndefined();
  });
});
