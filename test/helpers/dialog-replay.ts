/** Scripted dialogs (test/fixtures/bot/dialogs-dev.jsonl) replayed turn by turn through POST /api/chat, compared as the bot README says. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ChatReply, ChatStack, Person } from './chat-stack';

/** One scripted turn: what the user says and what is checked of the answer (omitted keys are not). */
export type DialogTurnScript = { user: string; expect: { intent?: string; dialogAction?: string; slotToElicit?: string; state?: string } };

/** The dev sets (copies of the shared evaluation data, see its README). */
export const BOT_FIXTURES_DIR = path.resolve(__dirname, '../fixtures/bot');

/** The JSON lines of a dev-set file. */
export function readJsonLines<T>(file: string): T[] {
  return fs
    .readFileSync(path.join(BOT_FIXTURES_DIR, file), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

/** The people the dialogs assume: an operator who is also a release manager and in finance (the demo runs are started by someone else). */
export const DIALOG_PERSON: Person = { user: 'alice', groups: ['operators', 'release-managers', 'finance'] };

/** Replays one dialog in a new conversation; returns the first mismatch, or undefined when every turn matches. */
export async function replayDialog(
  chat: ChatStack,
  turns: readonly DialogTurnScript[],
  person: Person = DIALOG_PERSON,
): Promise<string | undefined> {
  let conversationId: string | undefined;
  for (const [index, turn] of turns.entries()) {
    const reply: ChatReply = await chat.chat(person, turn.user, conversationId);
    conversationId = reply.conversationId;
    const actual = { intent: reply.intent, dialogAction: reply.dialogAction, slotToElicit: reply.slotToElicit, state: reply.state };
    for (const [key, expected] of Object.entries(turn.expect)) {
      if (actual[key as keyof typeof actual] !== expected) {
        return `turn ${index + 1} "${turn.user}": expected ${key} ${expected}, got ${JSON.stringify(actual)} saying "${reply.text.slice(0, 160)}"`;
      }
    }
  }
  return undefined;
}
