import type { ChatSessionStore } from '../../../bot/dialog/chat-session-store';
import { createLexRuntime, LexRuntimeError } from '../../../bot/emulator';
import { lexTestBot, lexTestUnderstanding } from './lex-test-bot';
import { scriptedCodeHook } from './scripted-code-hook';

/** An in-memory stand-in for the chat-sessions store (the HTTP tests use the real table on dynalite). */
function memorySessions(): Pick<ChatSessionStore, 'get' | 'put' | 'delete'> & { keys(): string[] } {
  const items = new Map<string, string>();
  return {
    keys: () => [...items.keys()],
    get: async <Value>(key: string) => (items.has(key) ? (JSON.parse(items.get(key) ?? 'null') as Value) : undefined),
    put: async (key: string, value: unknown) => void items.set(key, JSON.stringify(value)),
    delete: async (key: string) => void items.delete(key),
  };
}

const address = { botId: 'STATECRAFT', botAliasId: 'TSTALIASID', localeId: 'en_US' };

describe('createLexRuntime (plain functions, no HTTP)', () => {
  it('stores sessions under lex#bot#alias#locale#session and never stores request attributes', async () => {
    const sessions = memorySessions();
    const runtime = createLexRuntime({
      bot: lexTestBot,
      understanding: lexTestUnderstanding(),
      codeHook: scriptedCodeHook().codeHook,
      sessions,
    });

    const output = await runtime.recognizeText({
      ...address,
      sessionId: 's-1',
      text: 'start a workflow',
      requestAttributes: { secret: 'token' },
    });

    expect(output.sessionState.dialogAction).toEqual({ type: 'ElicitSlot', slotToElicit: 'WorkflowName' });
    expect(output.requestAttributes).toEqual({ secret: 'token' });
    expect(sessions.keys()).toEqual(['lex#STATECRAFT#TSTALIASID#en_US#s-1']);
    expect(JSON.stringify(await sessions.get('lex#STATECRAFT#TSTALIASID#en_US#s-1'))).not.toContain('token');
  });

  it('answers to the configured bot id, alias and alias name', async () => {
    const hook = scriptedCodeHook();
    const runtime = createLexRuntime({
      bot: lexTestBot,
      understanding: lexTestUnderstanding(),
      codeHook: hook.codeHook,
      sessions: memorySessions(),
      botId: 'ABCDEFGHIJ',
      botAliasId: 'LIVE123456',
      botAliasName: 'live',
    });

    await runtime.recognizeText({
      botId: 'ABCDEFGHIJ',
      botAliasId: 'LIVE123456',
      localeId: 'en_US',
      sessionId: 's-2',
      text: 'start the nightly report',
    });
    const refused = await runtime.recognizeText({ ...address, sessionId: 's-2', text: 'help' }).catch((error: unknown) => error);

    expect(hook.events[0]?.bot).toEqual({
      id: 'ABCDEFGHIJ',
      name: 'TestBot',
      localeId: 'en_US',
      version: 'DRAFT',
      aliasId: 'LIVE123456',
      aliasName: 'live',
    });
    expect(refused).toBeInstanceOf(LexRuntimeError);
    expect(refused).toMatchObject({ code: 'ResourceNotFoundException', status: 404 });
  });

  it('gives a bot without a FallbackIntent a built-in one', async () => {
    const bot = { ...lexTestBot, intents: lexTestBot.intents.filter((intent) => intent.parentIntentSignature !== 'AMAZON.FallbackIntent') };
    const runtime = createLexRuntime({
      bot,
      understanding: lexTestUnderstanding(),
      codeHook: scriptedCodeHook().codeHook,
      sessions: memorySessions(),
    });

    const output = await runtime.recognizeText({ ...address, sessionId: 's-3', text: 'qwerty' });

    expect(output.sessionState.intent).toMatchObject({ name: 'FallbackIntent', state: 'Fulfilled' });
    expect(output.messages).toEqual([{ contentType: 'PlainText', content: "Sorry, I didn't understand that." }]);
  });

  it('does not let a hook that mutates its event change the session', async () => {
    const hook = scriptedCodeHook();
    hook.answers.push((event) => {
      event.sessionState.sessionAttributes = { hacked: 'yes' };
      return { sessionState: { dialogAction: { type: 'Delegate' }, intent: event.sessionState.intent } };
    });
    const runtime = createLexRuntime({
      bot: lexTestBot,
      understanding: lexTestUnderstanding(),
      codeHook: hook.codeHook,
      sessions: memorySessions(),
    });

    const output = await runtime.recognizeText({
      ...address,
      sessionId: 's-4',
      text: 'start the nightly report',
      sessionState: { sessionAttributes: { user: 'Ada' } },
    });

    expect(output.sessionState.sessionAttributes).toEqual({ user: 'Ada' });
  });

  it('starts fresh, keeping the attributes, when a stored session no longer fits the bot (an intent renamed since)', async () => {
    const sessions = memorySessions();
    await sessions.put(
      'lex#STATECRAFT#TSTALIASID#en_US#s-5',
      {
        sessionState: {
          dialogAction: { type: 'ElicitSlot', slotToElicit: 'Name' },
          intent: { name: 'OldIntent', slots: { Name: null } },
          sessionAttributes: { user: 'Ada' },
        },
        messages: [],
        interpretations: [],
        lastActiveAt: Date.now(),
      },
      300,
    );
    const runtime = createLexRuntime({
      bot: lexTestBot,
      understanding: lexTestUnderstanding(),
      codeHook: scriptedCodeHook().codeHook,
      sessions,
    });

    const output = await runtime.recognizeText({ ...address, sessionId: 's-5', text: 'help' });

    expect(output.sessionState.intent?.name).toBe('Help');
    expect(output.sessionState.sessionAttributes).toEqual({ user: 'Ada' });
  });
});
