import { GetSessionCommand, PutSessionCommand, RecognizeTextCommand } from '@aws-sdk/client-lex-runtime-v2';
import type { LexCodeHookResponse } from '../../../bot/definition/lex-types';
import { decodeLexHeader } from '../../../bot/emulator';
import { BOT, lexClient, texts, useLexHarness } from './lex-harness';

describe('local Lex runtime: sessions', () => {
  const lex = useLexHarness();

  it('answers PutSession in base64(gzip(JSON)) headers and continues the dialog it set up', async () => {
    const put = await lex().client.send(
      new PutSessionCommand({
        ...BOT,
        sessionId: 'put-1',
        sessionState: {
          dialogAction: { type: 'ElicitSlot', slotToElicit: 'WorkflowName' },
          intent: { name: 'StartWorkflow', state: 'InProgress' },
          sessionAttributes: { user: 'Ada' },
        },
        messages: [{ contentType: 'PlainText', content: 'Which workflow?' }],
        requestAttributes: { channel: 'web' },
      }),
    );

    const next = await lex().say('put-1', 'nightly report');

    expect(put.sessionId).toBe('put-1');
    expect(put.contentType).toBe('text/plain; charset=utf-8');
    expect(decodeLexHeader(put.sessionState ?? '')).toMatchObject({
      dialogAction: { type: 'ElicitSlot', slotToElicit: 'WorkflowName' },
      intent: { name: 'StartWorkflow', slots: { WorkflowName: null, RunInput: null }, state: 'InProgress', confirmationState: 'None' },
      sessionAttributes: { user: 'Ada' },
      activeContexts: [],
    });
    expect(decodeLexHeader(put.messages ?? '')).toEqual([{ contentType: 'PlainText', content: 'Which workflow?' }]);
    expect(decodeLexHeader(put.requestAttributes ?? '')).toEqual({ channel: 'web' });
    expect(next.sessionState?.dialogAction).toEqual({ type: 'ConfirmIntent' });
    expect(next.sessionState?.sessionAttributes).toEqual({ user: 'Ada' });
  });

  it('starts the intent PutSession delegates to on the next utterance', async () => {
    await lex().client.send(
      new PutSessionCommand({
        ...BOT,
        sessionId: 'put-delegate',
        sessionState: { dialogAction: { type: 'Delegate' }, intent: { name: 'RejectRun' } },
      }),
    );

    const output = await lex().say('put-delegate', 'r-7f3a9c');

    expect(output.sessionState?.intent?.slots?.RunId?.value?.interpretedValue).toBe('r-7f3a9c');
    expect(output.sessionState?.dialogAction).toEqual({ type: 'ElicitSlot', slotToElicit: 'Reason' });
  });

  it('replaces session attributes when a request sends them and keeps them when it does not', async () => {
    await lex().say('attributes-1', 'help', { sessionState: { sessionAttributes: { a: '1', b: '2' } } });

    const kept = await lex().say('attributes-1', 'help');
    const replaced = await lex().say('attributes-1', 'help', { sessionState: { sessionAttributes: { a: '3' } } });

    expect(kept.sessionState?.sessionAttributes).toEqual({ a: '1', b: '2' });
    expect(replaced.sessionState?.sessionAttributes).toEqual({ a: '3' });
  });

  it('starts an idle-expired session fresh, and GetSession no longer finds it', async () => {
    let now = Date.parse('2026-01-01T00:00:00Z');
    const instance = await lex().startInstance({ now: () => now });
    const client = lexClient(instance.server.url);
    const say = (text: string) => client.send(new RecognizeTextCommand({ ...BOT, sessionId: 'expiry-1', text }));
    await say('start a workflow');
    now += 299_000;
    const stillThere = await client.send(new GetSessionCommand({ ...BOT, sessionId: 'expiry-1' }));

    now += 2_000;
    const missing = await client.send(new GetSessionCommand({ ...BOT, sessionId: 'expiry-1' })).catch((error: unknown) => error);
    const fresh = await say('nightly report');
    client.destroy();

    expect(stillThere.sessionState?.dialogAction).toEqual({ type: 'ElicitSlot', slotToElicit: 'WorkflowName' });
    expect(missing).toMatchObject({ name: 'ResourceNotFoundException', $metadata: { httpStatusCode: 404 } });
    expect(fresh.sessionState?.intent?.name).toBe('FallbackIntent');
  });

  it('continues an elicitation in a second runtime on the same table (a restart)', async () => {
    const first = await lex().startInstance();
    const firstClient = lexClient(first.server.url);
    await firstClient.send(new RecognizeTextCommand({ ...BOT, sessionId: 'restart-1', text: 'start a workflow' }));
    firstClient.destroy();
    await first.close();

    const second = await lex().startInstance();
    const secondClient = lexClient(second.server.url);
    const output = await secondClient.send(new RecognizeTextCommand({ ...BOT, sessionId: 'restart-1', text: 'nightly report' }));
    secondClient.destroy();

    expect(output.sessionState?.dialogAction).toEqual({ type: 'ConfirmIntent' });
    expect(texts(output)).toEqual(['Start nightly-report now?']);
  });

  it('answers ConflictException 409 to a second RecognizeText while the first is in flight', async () => {
    let release: () => void = () => {};
    let called: () => void = () => {};
    const hookCalled = new Promise<void>((resolve) => (called = resolve));
    lex().hook.answers.push((event) => {
      called();
      return new Promise<LexCodeHookResponse>(
        (resolve) => (release = () => resolve({ sessionState: { ...event.sessionState, dialogAction: { type: 'Delegate' } } })),
      );
    });
    const first = lex().say('conflict-1', 'start the nightly report');
    await hookCalled;

    const second = await lex()
      .say('conflict-1', 'yes')
      .catch((error: unknown) => error);
    release();
    const firstOutput = await first;

    expect(second).toMatchObject({ name: 'ConflictException', $metadata: { httpStatusCode: 409 } });
    expect(firstOutput.sessionState?.dialogAction).toEqual({ type: 'ConfirmIntent' });
  });

  it('carries active contexts the hook sets for their turns', async () => {
    const context = {
      name: 'RunInFocus',
      timeToLive: { timeToLiveInSeconds: 600, turnsToLive: 2 },
      contextAttributes: { runId: 'r-7f3a9c' },
    };
    lex().hook.answers.push((event) => ({
      sessionState: { ...event.sessionState, activeContexts: [context], dialogAction: { type: 'Delegate' } },
    }));

    const set = await lex().say('contexts-1', 'start the nightly report');
    const used = await lex().say('contexts-1', 'hmm');
    const gone = await lex().say('contexts-1', 'help');

    expect(set.sessionState?.activeContexts).toEqual([context]);
    expect(lex().hook.events[1]?.sessionState.activeContexts).toEqual([context]);
    expect(used.sessionState?.activeContexts).toEqual([{ ...context, timeToLive: { timeToLiveInSeconds: 600, turnsToLive: 1 } }]);
    expect(gone.sessionState?.activeContexts).toEqual([]);
  });
});
