import { GetSessionCommand, RecognizeTextCommand } from '@aws-sdk/client-lex-runtime-v2';
import type { LexCodeHookEvent } from '../../../bot/definition/lex-types';
import { BOT, lexClient, texts, useLexHarness } from './lex-harness';
import { closeIntent, delegate } from './scripted-code-hook';

const NIGHTLY = {
  shape: 'Scalar',
  value: { originalValue: 'nightly report', interpretedValue: 'nightly-report', resolvedValues: ['nightly-report'] },
};

describe('local Lex runtime: the code hook', () => {
  const lex = useLexHarness();

  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (error: unknown) => error as { name: string; message: string; $metadata: { httpStatusCode?: number } },
    );

  it("sends the DialogCodeHook event of LEX.md §6: bare-number nluConfidence, proposedNextState, this turn's requestAttributes", async () => {
    await lex().say('event-1', 'start the nightly report', { requestAttributes: { channel: 'web' } });

    const intent = {
      name: 'StartWorkflow',
      slots: { WorkflowName: NIGHTLY, RunInput: null },
      state: 'InProgress',
      confirmationState: 'None',
    };
    expect(lex().hook.events[0]).toStrictEqual({
      messageVersion: '1.0',
      invocationSource: 'DialogCodeHook',
      inputMode: 'Text',
      responseContentType: 'text/plain; charset=utf-8',
      sessionId: 'event-1',
      inputTranscript: 'start the nightly report',
      bot: { id: 'STATECRAFT', name: 'TestBot', localeId: 'en_US', version: 'DRAFT', aliasId: 'TSTALIASID', aliasName: 'TestBotAlias' },
      interpretations: [
        { intent, nluConfidence: 0.9, interpretationSource: 'Lex' },
        { intent: { name: 'ListPendingApprovals', slots: {} }, nluConfidence: 0.1, interpretationSource: 'Lex' },
        { intent: { name: 'RejectRun', slots: { RunId: null, Reason: null } }, nluConfidence: 0.1, interpretationSource: 'Lex' },
        { intent: { name: 'Help', slots: {} }, nluConfidence: 0.1, interpretationSource: 'Lex' },
      ],
      proposedNextState: { dialogAction: { type: 'ConfirmIntent' }, intent, prompt: { attempt: 'Initial' } },
      requestAttributes: { channel: 'web' },
      sessionState: { intent, sessionAttributes: {}, activeContexts: [] },
    });
  });

  it("shows the previous dialog action and the confirmation on the next turn, without last turn's requestAttributes, then fulfils", async () => {
    await lex().say('event-2', 'start the nightly report', { requestAttributes: { channel: 'web' } });

    const done = await lex().say('event-2', 'yes');

    const [, dialog, fulfilment] = lex().hook.events as [LexCodeHookEvent, LexCodeHookEvent, LexCodeHookEvent];
    expect(dialog.requestAttributes).toBeUndefined();
    expect(dialog.proposedNextState).toBeUndefined();
    expect(dialog.sessionState.dialogAction).toEqual({ type: 'ConfirmIntent' });
    expect(dialog.sessionState.intent).toMatchObject({ state: 'InProgress', confirmationState: 'Confirmed' });
    expect(dialog.interpretations[0]?.nluConfidence).toBe(1);
    expect(fulfilment.invocationSource).toBe('FulfillmentCodeHook');
    expect(fulfilment.proposedNextState).toBeUndefined();
    expect(fulfilment.sessionState.intent).toMatchObject({ state: 'ReadyForFulfillment', confirmationState: 'Confirmed' });
    expect(done.requestAttributes).toBeUndefined();
  });

  it("uses the hook's own messages, an image response card included, when it answers ElicitSlot", async () => {
    const card = {
      title: 'Pick one',
      buttons: [
        { text: 'Nightly', value: 'nightly report' },
        { text: 'Deploy', value: 'deploy service' },
      ],
    };
    lex().hook.answers.push((event) => ({
      sessionState: { ...event.sessionState, dialogAction: { type: 'ElicitSlot', slotToElicit: 'WorkflowName' } },
      messages: [
        { contentType: 'PlainText', content: 'Which one?' },
        { contentType: 'ImageResponseCard', imageResponseCard: card },
      ],
    }));

    const asked = await lex().say('hook-elicit', 'start something');
    const answered = await lex().say('hook-elicit', 'nightly report');

    expect(asked.sessionState?.dialogAction).toEqual({ type: 'ElicitSlot', slotToElicit: 'WorkflowName' });
    expect(asked.messages).toEqual([
      { contentType: 'PlainText', content: 'Which one?' },
      { contentType: 'ImageResponseCard', imageResponseCard: card },
    ]);
    expect(answered.sessionState?.dialogAction).toEqual({ type: 'ConfirmIntent' });
  });

  it("elicits an optional slot the hook asks for with that slot's prompt when the hook gives no message", async () => {
    lex().hook.answers.push((event) => ({
      sessionState: { ...event.sessionState, dialogAction: { type: 'ElicitSlot', slotToElicit: 'RunInput' } },
    }));

    const asked = await lex().say('hook-optional', 'start the nightly report');
    const answered = await lex().say('hook-optional', 'env=prod');

    expect(texts(asked)).toEqual(['What input?']);
    expect(answered.sessionState?.intent?.slots?.RunInput?.value?.interpretedValue).toBe('env=prod');
    expect(answered.sessionState?.dialogAction).toEqual({ type: 'ConfirmIntent' });
  });

  it("re-elicits a slot the hook nulls on Delegate, saying the hook's messages before the slot prompt", async () => {
    lex().hook.answers.push((event) => ({
      sessionState: {
        ...event.sessionState,
        dialogAction: { type: 'Delegate' },
        intent: { ...event.sessionState.intent, slots: { WorkflowName: null, RunInput: null } },
      },
      messages: [{ contentType: 'PlainText', content: 'I do not know that workflow.' }],
    }));

    const output = await lex().say('hook-delegate', 'start the nightly report');

    expect(output.sessionState?.dialogAction).toEqual({ type: 'ElicitSlot', slotToElicit: 'WorkflowName' });
    expect(output.sessionState?.intent?.slots).toEqual({ WorkflowName: null, RunInput: null });
    expect(texts(output)).toEqual(['I do not know that workflow.', 'Which workflow, [user]? I know nightly-report and deploy-service.']);
  });

  it('keeps stored session attributes when the hook omits them and replaces them when it sends them', async () => {
    lex().hook.answers.push((event) => ({
      sessionState: { ...event.sessionState, sessionAttributes: { lastRunId: 'r-1' }, dialogAction: { type: 'Delegate' } },
    }));
    await lex().say('hook-attributes', 'start the nightly report', { sessionState: { sessionAttributes: { user: 'Ada' } } });
    lex().hook.answers.push((event) => ({
      sessionState: { dialogAction: { type: 'Close' }, intent: { ...event.sessionState.intent, state: 'Fulfilled' } },
    }));

    const output = await lex().say('hook-attributes', 'yes');

    expect(output.sessionState?.sessionAttributes).toEqual({ lastRunId: 'r-1' });
  });

  it.each([
    ['Fulfilled', 'its message', 'It ran.', ['It ran.']],
    ['Failed', 'its message', 'It broke.', ['It broke.']],
    ['Fulfilled', 'the default closing', undefined, ['Done.']],
    ['Failed', 'the default failure message', undefined, ["Sorry, I couldn't do that."]],
  ] as const)('closes %s from the fulfilment hook with %s', async (state, label, message, said) => {
    const sessionId = `fulfil-${state}-${label}`.replace(/[^A-Za-z0-9-]/g, '');
    await lex().say(sessionId, 'start the nightly report');
    lex().hook.answers.push(delegate, (event) => closeIntent(event, state, message));

    const output = await lex().say(sessionId, 'yes');

    expect(output.sessionState?.dialogAction).toEqual({ type: 'Close' });
    expect(output.sessionState?.intent?.state).toBe(state);
    expect(texts(output)).toEqual(said);
  });

  it('waits for a new intent after the hook answers ElicitIntent', async () => {
    lex().hook.answers.push(() => ({
      sessionState: { dialogAction: { type: 'ElicitIntent' } },
      messages: [{ contentType: 'PlainText', content: 'What else?' }],
    }));

    const asked = await lex().say('hook-elicit-intent', 'start the nightly report');
    const next = await lex().say('hook-elicit-intent', 'help');

    expect(asked.sessionState?.dialogAction).toEqual({ type: 'ElicitIntent' });
    expect(texts(asked)).toEqual(['What else?']);
    expect(next.sessionState?.intent?.name).toBe('Help');
  });

  it('answers DependencyFailedException 424 when the hook throws, and leaves the session as it was', async () => {
    await lex().say('hook-throws', 'start a workflow');
    const before = await lex().client.send(new GetSessionCommand({ ...BOT, sessionId: 'hook-throws' }));
    lex().hook.answers.push(() => {
      throw new Error('catalogue unavailable');
    });

    const error = await failure(lex().say('hook-throws', 'nightly report'));
    const after = await lex().client.send(new GetSessionCommand({ ...BOT, sessionId: 'hook-throws' }));
    const retried = await lex().say('hook-throws', 'nightly report');

    expect(error).toMatchObject({ name: 'DependencyFailedException', $metadata: { httpStatusCode: 424 } });
    expect(error?.message).toContain('catalogue unavailable');
    expect(after.sessionState).toEqual(before.sessionState);
    expect(retried.sessionState?.dialogAction).toEqual({ type: 'ConfirmIntent' });
  });

  it.each([
    ['no sessionState', () => ({ messages: [] }), 'sessionState is required'],
    [
      'no dialogAction',
      (event: LexCodeHookEvent) => ({ sessionState: { intent: event.sessionState.intent } }),
      'sessionState.dialogAction is required',
    ],
    [
      'an unknown dialogAction type',
      (event: LexCodeHookEvent) => ({ sessionState: { ...event.sessionState, dialogAction: { type: 'Finish' } } }),
      'sessionState.dialogAction.type must be one of',
    ],
    [
      'Close without a final state',
      (event: LexCodeHookEvent) => ({ sessionState: { ...event.sessionState, dialogAction: { type: 'Close' } } }),
      'sessionState.intent.state must be Fulfilled or Failed',
    ],
    [
      'ConfirmIntent without messages',
      (event: LexCodeHookEvent) => ({ sessionState: { ...event.sessionState, dialogAction: { type: 'ConfirmIntent' } } }),
      'messages are required when dialogAction.type is ConfirmIntent',
    ],
    [
      'ElicitIntent without messages',
      () => ({ sessionState: { dialogAction: { type: 'ElicitIntent' } } }),
      'messages are required when dialogAction.type is ElicitIntent',
    ],
    [
      'ElicitSlot without slotToElicit',
      (event: LexCodeHookEvent) => ({ sessionState: { ...event.sessionState, dialogAction: { type: 'ElicitSlot' } } }),
      'slotToElicit is required',
    ],
    [
      'ElicitSlot of a slot the intent lacks',
      (event: LexCodeHookEvent) => ({
        sessionState: { ...event.sessionState, dialogAction: { type: 'ElicitSlot', slotToElicit: 'RunId' } },
      }),
      'intent StartWorkflow has no slot RunId',
    ],
    [
      'an unknown intent',
      (event: LexCodeHookEvent) => ({
        sessionState: { ...event.sessionState, dialogAction: { type: 'Delegate' }, intent: { name: 'Dance' } },
      }),
      'no intent Dance',
    ],
    [
      'Delegate without an intent',
      () => ({ sessionState: { dialogAction: { type: 'Delegate' } } }),
      'sessionState.intent is required when dialogAction.type is Delegate',
    ],
    [
      'a slot value without interpretedValue',
      (event: LexCodeHookEvent) => ({
        sessionState: {
          ...event.sessionState,
          dialogAction: { type: 'Delegate' },
          intent: { name: 'StartWorkflow', slots: { WorkflowName: { value: { originalValue: 'x' } } } },
        },
      }),
      'sessionState.intent.slots.WorkflowName.value.interpretedValue is required',
    ],
    [
      'eleven messages',
      (event: LexCodeHookEvent) => ({
        sessionState: { ...event.sessionState, dialogAction: { type: 'Delegate' } },
        messages: Array.from({ length: 11 }, () => ({ contentType: 'PlainText', content: 'x' })),
      }),
      'at most 10',
    ],
    [
      'a card without a title',
      (event: LexCodeHookEvent) => ({
        sessionState: { ...event.sessionState, dialogAction: { type: 'Delegate' } },
        messages: [{ contentType: 'ImageResponseCard', imageResponseCard: {} }],
      }),
      'messages[0].imageResponseCard.title',
    ],
    ['nothing', () => undefined, 'must be a JSON object'],
  ])('answers DependencyFailedException 424 naming the problem when the hook answers %s', async (_, answer, named) => {
    lex().hook.answers.push(answer);

    const error = await failure(lex().say('hook-invalid', 'start the nightly report'));

    expect(error).toMatchObject({ name: 'DependencyFailedException', $metadata: { httpStatusCode: 424 } });
    expect(error?.message).toContain('Invalid Lambda Response');
    expect(error?.message).toContain(named);
  });

  it('refuses a fulfilment hook that answers Delegate', async () => {
    await lex().say('fulfil-delegate', 'start the nightly report');
    lex().hook.answers.push(delegate, delegate);

    const error = await failure(lex().say('fulfil-delegate', 'yes'));

    expect(error).toMatchObject({ name: 'DependencyFailedException', $metadata: { httpStatusCode: 424 } });
    expect(error?.message).toContain('not Delegate');
  });

  it('answers DependencyFailedException when the hook does not answer within the timeout', async () => {
    const slow = await lex().startInstance({ codeHookTimeoutMs: 50 });
    slow.hook.answers.push(() => new Promise(() => {}));
    const client = lexClient(slow.server.url);

    const error = await failure(
      client.send(new RecognizeTextCommand({ ...BOT, sessionId: 'hook-slow', text: 'start the nightly report' })),
    );
    client.destroy();

    expect(error).toMatchObject({ name: 'DependencyFailedException', $metadata: { httpStatusCode: 424 } });
    expect(error?.message).toContain('did not answer the DialogCodeHook event within 0.05 s');
  });
});
