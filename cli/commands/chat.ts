/** `statecraft chat`: talk to the chatbot of the running stack from a terminal (readline, history; buttons as numbered choices). */
import * as path from 'node:path';
import * as readline from 'node:readline';
import { randomUUID } from 'node:crypto';
import { Command } from 'commander';
import { CliError } from '../cli-error';
import type { CliIo } from '../cli-io';
import { apiClient, problemText } from '../local/api-client';
import { devToken } from '../local/dev-token';
import { chatTranscript, type ChatMessage } from '../local/chat-transcript';
import { apiUrlOption, dataDirOption } from '../stack-options';

type ChatOptions = { user: string; groups: string; url: string; dataDir: string; conversation?: string };

const EXIT_WORDS = new Set(['exit', 'quit', '/exit', '/quit']);

export function chatCommand(io: CliIo): Command {
  return new Command('chat')
    .description('Chat with the Statecraft bot of the running stack (statecraft dev): start, check, stop and approve runs.')
    .requiredOption('-u, --user <name>', 'who you are (a local token is signed for this user)')
    .option('-g, --groups <list>', 'comma-separated groups, e.g. operators,release-managers', 'operators')
    .addOption(apiUrlOption())
    .addOption(dataDirOption("the stack's data dir, where its signing key is"))
    .option('--conversation <id>', 'continue a conversation by its id (default: a new one)')
    .addHelpText(
      'after',
      '\nType what you want ("list workflows", "start deploy-service", "approve it"); a number picks one of the numbered choices; exit or Ctrl-D ends.\nTry `npx statecraft demo` first for runs to talk about.',
    )
    .action((options: ChatOptions) => runChat(options, io));
}

async function runChat(options: ChatOptions, { stdin, stdout }: CliIo): Promise<void> {
  const user = options.user.trim();
  if (user === '') throw new CliError('--user must not be empty', 2);
  const groups = options.groups
    .split(',')
    .map((group) => group.trim())
    .filter(Boolean);
  const api = apiClient(options.url, await devToken(path.resolve(options.dataDir), { user, groups }));
  const conversationId = options.conversation ?? randomUUID();
  const transcript = chatTranscript((line) => stdout.write(`${line}\n`));
  const rl = readline.createInterface({ input: stdin, output: stdout, terminal: stdin.isTTY === true, historySize: 200 });
  try {
    stdout.write(
      `Chatting as ${user} (${groups.join(', ') || 'no groups'}) with ${options.url}, conversation ${conversationId}.\nSay "help" for what I do; a number picks a choice; exit ends.\n`,
    );
    rl.setPrompt('you> ');
    rl.prompt();
    for await (const line of rl) {
      // Piped input is not echoed by readline; echo it so the transcript reads as a conversation.
      if (!stdin.isTTY) stdout.write(`${line}\n`);
      const text = transcript.expand(line.trim());
      if (EXIT_WORDS.has(text.toLowerCase())) break;
      if (text !== '') {
        const { status, body } = await api.post('/api/chat', { text, conversationId });
        if (status >= 400) stdout.write(`(error ${status}: ${problemText(body) ?? ''})\n`);
        else transcript.show((body.messages ?? []) as ChatMessage[]);
      }
      rl.prompt();
    }
  } finally {
    // Closed on errors too (an unreachable stack, say), so stdin is released.
    rl.close();
  }
}
