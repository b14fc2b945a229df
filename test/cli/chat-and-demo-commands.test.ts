/**
 * `statecraft demo` and `statecraft chat` against a dev stack served by this test (real HTTP, the
 * stack's signing key), in-process through main(); one case of each through the real binary proves its wiring.
 */
import { startChatStack, type ChatStack } from '../helpers/chat-stack';
import { invokeCli } from './invoke-cli';
import { runCli, runCliAsync } from './run-cli';

jest.setTimeout(120_000);

let chat: ChatStack;

beforeAll(async () => {
  chat = await startChatStack();
});

afterAll(async () => {
  await chat?.stop();
});

describe('statecraft demo and statecraft chat', () => {
  it('seeds the five demo runs in their states, and a second run finds them in place', async () => {
    const first = await invokeCli(['demo', '--url', chat.stack.apiUrl, '--data-dir', chat.dataDir]);
    const again = await invokeCli(['demo', '--url', chat.stack.apiUrl, '--data-dir', chat.dataDir]);

    expect(first.code).toBe(0);
    expect(first.stdout).toContain('✓ r-7f3a9c  deploy-service     waiting for approval');
    expect(first.stdout).toContain('✓ r-2b8f60  order-fulfillment  failed (card declined)');
    expect(again.code).toBe(0);
    expect(again.stdout.match(/✓/g)).toHaveLength(5);
  });

  it('takes the local port of the API from PORT (before the chat below approves a demo run)', async () => {
    const port = new URL(chat.stack.apiUrl).port;

    const result = await invokeCli(['demo', '--data-dir', chat.dataDir], { env: { PORT: port } });

    expect(result.code).toBe(0);
    expect(result.stdout.match(/✓/g)).toHaveLength(5);
  });

  it('names PORT and STATECRAFT_DATA_DIR with their defaults in demo --help, through the real binary', () => {
    const result = runCli(['demo', '--help']);

    const help = result.stdout.replace(/\s+/g, ' ');
    expect(result.code).toBe(0);
    expect(help).toMatch(/--url <url> [^-]*\(default: "http:\/\/127\.0\.0\.1:3000", env: PORT\)/);
    expect(help).toMatch(/--data-dir <dir> [^-]*\(default: "\.statecraft", env: STATECRAFT_DATA_DIR\)/);
  });

  it("chats in a terminal, where a number picks one of the bot's buttons", async () => {
    const transcript = await invokeCli(
      ['chat', '--url', chat.stack.apiUrl, '--data-dir', chat.dataDir, '--user', 'rita', '--groups', 'release-managers,viewers'],
      {
        input: 'status of r-7f3a9c\n1\nexit\n',
      },
    );

    expect(transcript.code).toBe(0);
    expect(transcript.stdout).toContain('bot> r-7f3a9c (deploy-service) is waiting for approval at "Approve production". Started');
    expect(transcript.stdout).toContain('Next: [1] Approve  [2] Reject');
    expect(transcript.stdout).toContain('(approve r-7f3a9c)');
    expect(transcript.stdout).toContain('bot> Approved r-7f3a9c (deploy-service, "Approve production"). The run goes on.');
  });

  it('names the stack it cannot reach, through the real binary', async () => {
    const result = await runCliAsync(['chat', '--url', 'http://127.0.0.1:1', '--data-dir', chat.dataDir, '--user', 'rita'], {
      input: 'help\n',
    });

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('cannot reach the API at http://127.0.0.1:1');
    expect(result.stderr).toContain("start it with 'make dev' or pass --url");
  });
});
