/**
 * The code hook's answers to Lex, per https://docs.aws.amazon.com/lexv2/latest/dg/lambda-response-format.html:
 * close the intent, ask for a slot, ask for confirmation, or let Lex decide (Delegate). Choices
 * go out as response cards (at most 5 buttons each) as well as text.
 */
import type { LexButton, LexCodeHookEvent, LexCodeHookResponse, LexIntent, LexMessage, LexSlot } from '../definition/lex-types';

/** Lex allows 5 buttons a card. */
const BUTTONS_PER_CARD = 5;

/** A text reply with optional buttons (split into cards of five). */
export type Reply = { text: string; title?: string; buttons?: readonly LexButton[] };

/** The slots of the event's intent, with `changes` applied (null clears a slot). */
export function slotsWith(event: LexCodeHookEvent, changes: Record<string, string | null> = {}): Record<string, LexSlot | null> {
  const slots = { ...(event.sessionState.intent.slots ?? {}) };
  for (const [name, value] of Object.entries(changes)) {
    const original = slots[name]?.value?.originalValue;
    slots[name] =
      value === null
        ? null
        : { shape: 'Scalar', value: { originalValue: original ?? value, interpretedValue: value, resolvedValues: [value] } };
  }
  return slots;
}

/** Ends the intent as Fulfilled or Failed. */
export function close(event: LexCodeHookEvent, state: 'Fulfilled' | 'Failed', reply: Reply): LexCodeHookResponse {
  return respond(event, { type: 'Close' }, { ...event.sessionState.intent, state }, reply);
}

/** Asks for `slot` with our own words (the slot's other values kept, `changes` applied). */
export function elicitSlot(
  event: LexCodeHookEvent,
  slot: string,
  reply: Reply,
  changes: Record<string, string | null> = {},
): LexCodeHookResponse {
  return respond(
    event,
    { type: 'ElicitSlot', slotToElicit: slot },
    { ...event.sessionState.intent, slots: slotsWith(event, changes), state: 'InProgress' },
    reply,
  );
}

/** Asks the user to confirm the intent (yes/no buttons). */
export function confirmIntent(event: LexCodeHookEvent, text: string, changes: Record<string, string | null> = {}): LexCodeHookResponse {
  const intent: LexIntent = {
    ...event.sessionState.intent,
    slots: slotsWith(event, changes),
    state: 'InProgress',
    confirmationState: 'None',
  };
  return respond(event, { type: 'ConfirmIntent' }, intent, {
    text,
    buttons: [
      { text: 'Yes', value: 'yes' },
      { text: 'No', value: 'no' },
    ],
  });
}

/** Lets Lex take its next step (elicit a missing required slot, confirm, or fulfil) with `changes` applied to the slots. */
export function delegate(event: LexCodeHookEvent, changes: Record<string, string | null> = {}): LexCodeHookResponse {
  const { state: _state, ...intent } = event.sessionState.intent;
  return {
    sessionState: { ...sessionBase(event), dialogAction: { type: 'Delegate' }, intent: { ...intent, slots: slotsWith(event, changes) } },
  };
}

function respond(
  event: LexCodeHookEvent,
  dialogAction: LexCodeHookResponse['sessionState']['dialogAction'],
  intent: LexIntent,
  reply: Reply,
): LexCodeHookResponse {
  return { sessionState: { ...sessionBase(event), dialogAction, intent }, messages: messagesOf(reply) };
}

function sessionBase(event: LexCodeHookEvent): { sessionAttributes: Record<string, string> } {
  return { sessionAttributes: event.sessionState.sessionAttributes ?? {} };
}

/** The reply's text, then its buttons in cards of five. */
export function messagesOf({ text, title = 'Choose one', buttons = [] }: Reply): LexMessage[] {
  const messages: LexMessage[] = [{ contentType: 'PlainText', content: text }];
  for (let start = 0; start < buttons.length; start += BUTTONS_PER_CARD) {
    messages.push({
      contentType: 'ImageResponseCard',
      imageResponseCard: { title, buttons: buttons.slice(start, start + BUTTONS_PER_CARD).map(button) },
    });
  }
  return messages;
}

/** Lex caps button text and value at 50 characters. */
function button({ text, value }: LexButton): LexButton {
  return { text: text.slice(0, 50), value: value.slice(0, 50) };
}
