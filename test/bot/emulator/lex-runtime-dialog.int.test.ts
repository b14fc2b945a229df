import { DeleteSessionCommand, GetSessionCommand } from '@aws-sdk/client-lex-runtime-v2';
import { BOT, texts, useLexHarness } from './lex-harness';

describe('local Lex runtime: dialogs through the SDK (h2c)', () => {
  const lex = useLexHarness();

  it('closes a slotless intent without hooks with its closing response', async () => {
    const output = await lex().say('help-1', 'help me');

    expect(output.sessionState?.dialogAction).toEqual({ type: 'Close' });
    expect(output.sessionState?.intent).toMatchObject({ name: 'Help', state: 'Fulfilled', confirmationState: 'None', slots: {} });
    expect(texts(output)).toEqual(['I can start workflows and list approvals.']);
    expect(output.sessionId).toBe('help-1');
  });

  it('makes FallbackIntent the active intent, first and without a score, when the top score is below the threshold', async () => {
    const output = await lex().say('fallback-1', 'something vague');

    expect(output.interpretations?.map((entry) => [entry.intent?.name, entry.nluConfidence?.score])).toEqual([
      ['FallbackIntent', undefined],
      ['StartWorkflow', 0.45],
      ['Help', 0.3],
      ['RejectRun', 0.2],
    ]);
    expect(output.interpretations?.[0]?.intent).toMatchObject({ state: 'Fulfilled', confirmationState: 'None' });
    expect(output.interpretations?.[1]?.intent?.state).toBeUndefined();
    expect(output.sessionState?.intent?.name).toBe('FallbackIntent');
    expect(texts(output)).toEqual(["Sorry, I can't help with that."]);
  });

  it('elicits a required slot with the definition prompt, re-prompts on each retry, then goes to FallbackIntent', async () => {
    const asked = await lex().say('elicit-1', 'start a workflow', { sessionState: { sessionAttributes: { user: 'Ada' } } });
    const retry1 = await lex().say('elicit-1', 'the purple one');
    const retry2 = await lex().say('elicit-1', 'umm, the other one');
    const gaveUp = await lex().say('elicit-1', 'no idea');

    expect(asked.sessionState?.dialogAction).toEqual({ type: 'ElicitSlot', slotToElicit: 'WorkflowName' });
    expect(asked.sessionState?.intent).toEqual({
      name: 'StartWorkflow',
      slots: { WorkflowName: null, RunInput: null },
      state: 'InProgress',
      confirmationState: 'None',
    });
    expect(texts(asked)).toEqual(['Which workflow, Ada? I know nightly-report and deploy-service.']);
    expect(lex().hook.events.map((event) => event.proposedNextState?.prompt?.attempt)).toEqual(['Initial', 'Retry1', 'Retry2']);
    expect(retry1.sessionState?.dialogAction).toEqual({ type: 'ElicitSlot', slotToElicit: 'WorkflowName' });
    expect(texts(retry2)).toEqual(texts(asked));
    expect(gaveUp.sessionState?.intent?.name).toBe('FallbackIntent');
    expect(gaveUp.sessionState?.dialogAction).toEqual({ type: 'Close' });
    expect(gaveUp.sessionState?.sessionAttributes).toEqual({ user: 'Ada' });
  });

  it('fills the slot from the answer, asks the confirmation with the slot substituted, and fulfils on yes', async () => {
    await lex().say('confirm-yes', 'start a workflow');
    const confirm = await lex().say('confirm-yes', 'the nightly report please');
    const done = await lex().say('confirm-yes', 'yes');

    expect(confirm.sessionState?.dialogAction).toEqual({ type: 'ConfirmIntent' });
    expect(confirm.sessionState?.intent?.slots?.WorkflowName).toEqual({
      shape: 'Scalar',
      value: { originalValue: 'nightly report', interpretedValue: 'nightly-report', resolvedValues: ['nightly-report'] },
    });
    expect(texts(confirm)).toEqual(['Start nightly-report now?']);
    expect(done.sessionState?.dialogAction).toEqual({ type: 'Close' });
    expect(done.sessionState?.intent).toMatchObject({ name: 'StartWorkflow', state: 'Fulfilled', confirmationState: 'Confirmed' });
    expect(texts(done)).toEqual(['Started nightly-report.']);
    expect(lex().hook.events.map((event) => event.invocationSource)).toEqual([
      'DialogCodeHook',
      'DialogCodeHook',
      'DialogCodeHook',
      'FulfillmentCodeHook',
    ]);
  });

  it('closes Failed with the declination response on no', async () => {
    await lex().say('confirm-no', 'start the nightly report');
    const declined = await lex().say('confirm-no', 'no thanks');

    expect(declined.sessionState?.dialogAction).toEqual({ type: 'Close' });
    expect(declined.sessionState?.intent).toMatchObject({ state: 'Failed', confirmationState: 'Denied' });
    expect(texts(declined)).toEqual(["OK, I won't start nightly-report."]);
  });

  it('re-asks an unclear confirmation, then goes to FallbackIntent after its retries', async () => {
    await lex().say('confirm-unclear', 'start the nightly report');
    const again = await lex().say('confirm-unclear', 'hmm maybe');
    const gaveUp = await lex().say('confirm-unclear', 'what do you think');

    expect(again.sessionState?.dialogAction).toEqual({ type: 'ConfirmIntent' });
    expect(texts(again)).toEqual(['Start nightly-report now?']);
    expect(lex().hook.events.at(-1)?.proposedNextState).toMatchObject({
      dialogAction: { type: 'ConfirmIntent' },
      prompt: { attempt: 'Retry1' },
    });
    expect(gaveUp.sessionState?.intent?.name).toBe('FallbackIntent');
  });

  it.each([
    ['mid-elicitation', ['start a workflow']],
    ['mid-confirmation', ['start the nightly report']],
    ['with no open dialog', []],
  ])('cancels %s with CancelIntent: Close, Fulfilled, its closing response', async (_, before) => {
    const sessionId = `cancel-${before.length}-${_.length}`;
    for (const text of before) await lex().say(sessionId, text);

    const cancelled = await lex().say(sessionId, 'never mind');
    const after = await lex().say(sessionId, 'help');

    expect(cancelled.sessionState?.dialogAction).toEqual({ type: 'Close' });
    expect(cancelled.sessionState?.intent).toMatchObject({ name: 'CancelIntent', state: 'Fulfilled' });
    expect(texts(cancelled)).toEqual(['OK, cancelled.']);
    expect(after.sessionState?.intent?.name).toBe('Help');
  });

  it('cancels while a FreeFormInput slot is elicited (documented divergence: Lex would take "cancel" as the value)', async () => {
    await lex().say('cancel-free', 'reject r-7f3a9c');

    const cancelled = await lex().say('cancel-free', 'cancel');

    expect(cancelled.sessionState?.intent?.name).toBe('CancelIntent');
  });

  it('takes a whole answer as a FreeFormInput value and closes with the slots substituted', async () => {
    const asked = await lex().say('free-1', 'reject r-7f3a9c');
    const done = await lex().say('free-1', 'start is broken, tests fail');

    expect(asked.sessionState?.dialogAction).toEqual({ type: 'ElicitSlot', slotToElicit: 'Reason' });
    expect(texts(asked)).toEqual(['Why reject r-7f3a9c?']);
    expect(done.sessionState?.intent?.slots?.Reason?.value?.interpretedValue).toBe('start is broken, tests fail');
    expect(texts(done)).toEqual(['Rejected r-7f3a9c: start is broken, tests fail']);
  });

  it('switches intent when an unresolved elicitation answer strongly matches another intent', async () => {
    await lex().say('switch-1', 'start a workflow');

    const switched = await lex().say('switch-1', 'actually, show me pending approvals first');

    expect(switched.sessionState?.intent).toMatchObject({ name: 'ListPendingApprovals', state: 'Fulfilled' });
    expect(switched.interpretations?.[0]).toMatchObject({ intent: { name: 'ListPendingApprovals' }, nluConfidence: { score: 0.9 } });
    expect(texts(switched)).toEqual(['Fulfilled ListPendingApprovals.']);
  });

  it('starts a fresh intent recognition after Close', async () => {
    await lex().say('fresh-1', 'help');

    const next = await lex().say('fresh-1', 'start the nightly report');

    expect(next.sessionState?.intent).toMatchObject({ name: 'StartWorkflow', confirmationState: 'None' });
    expect(next.sessionState?.dialogAction).toEqual({ type: 'ConfirmIntent' });
  });

  it('keeps two sessions apart', async () => {
    await lex().say('mix-a', 'start a workflow');
    await lex().say('mix-b', 'reject r-12ab');

    const a = await lex().say('mix-a', 'deploy service');
    const b = await lex().say('mix-b', 'flaky');

    expect(a.sessionState?.intent).toMatchObject({
      name: 'StartWorkflow',
      slots: { WorkflowName: { value: { interpretedValue: 'deploy-service' } } },
    });
    expect(a.sessionState?.dialogAction).toEqual({ type: 'ConfirmIntent' });
    expect(texts(b)).toEqual(['Rejected r-12ab: flaky']);
  });

  it('returns the last turn from GetSession and forgets the session on DeleteSession', async () => {
    const said = await lex().say('get-1', 'start a workflow');

    const got = await lex().client.send(new GetSessionCommand({ ...BOT, sessionId: 'get-1' }));
    const deleted = await lex().client.send(new DeleteSessionCommand({ ...BOT, sessionId: 'get-1' }));
    const gone = await lex()
      .client.send(new GetSessionCommand({ ...BOT, sessionId: 'get-1' }))
      .catch((error: unknown) => error);

    expect(got.sessionId).toBe('get-1');
    expect(got.sessionState).toEqual(said.sessionState);
    expect(got.messages).toEqual(said.messages);
    expect(got.interpretations).toEqual(said.interpretations);
    expect(deleted).toMatchObject({ ...BOT, sessionId: 'get-1' });
    expect(gone).toMatchObject({ name: 'ResourceNotFoundException', message: 'Session not found', $metadata: { httpStatusCode: 404 } });
  });
});
