/**
 * Structural parsing of Lex messages (PlainText, SSML, CustomPayload, ImageResponseCard) with the
 * service model's limits: https://docs.aws.amazon.com/lexv2/latest/APIReference/API_runtime_Message.html
 */
import type { LexButton, LexMessage } from '../definition/lex-types';
import type { Fail } from './errors';
import { isObject } from './parse-session-state';
import { MAX_MESSAGES } from './runtime-defaults';

function boundedString(value: unknown, min: number, max: number, path: string, fail: Fail): string {
  return typeof value === 'string' && value.length >= min && value.length <= max
    ? value
    : fail(`${path} must be a string of ${min}..${max} characters`);
}

function parseButton(value: unknown, path: string, fail: Fail): LexButton {
  if (!isObject(value)) return fail(`${path} must be an object`);
  return { text: boundedString(value.text, 1, 50, `${path}.text`, fail), value: boundedString(value.value, 1, 50, `${path}.value`, fail) };
}

function parseMessage(value: unknown, path: string, fail: Fail): LexMessage {
  if (!isObject(value)) return fail(`${path} must be an object`);
  const { contentType } = value;
  if (contentType === 'PlainText' || contentType === 'SSML' || contentType === 'CustomPayload') {
    return { contentType, content: boundedString(value.content, 1, 1000, `${path}.content`, fail) };
  }
  if (contentType !== 'ImageResponseCard')
    return fail(`${path}.contentType must be one of PlainText, SSML, CustomPayload, ImageResponseCard`);
  const card = value.imageResponseCard;
  if (!isObject(card)) return fail(`${path}.imageResponseCard is required for an ImageResponseCard`);
  const imageResponseCard: Extract<LexMessage, { contentType: 'ImageResponseCard' }>['imageResponseCard'] = {
    title: boundedString(card.title, 1, 250, `${path}.imageResponseCard.title`, fail),
  };
  if (card.subtitle !== undefined)
    imageResponseCard.subtitle = boundedString(card.subtitle, 1, 250, `${path}.imageResponseCard.subtitle`, fail);
  if (card.imageUrl !== undefined)
    imageResponseCard.imageUrl = boundedString(card.imageUrl, 1, 250, `${path}.imageResponseCard.imageUrl`, fail);
  if (card.buttons !== undefined) {
    if (!Array.isArray(card.buttons) || card.buttons.length > 5)
      return fail(`${path}.imageResponseCard.buttons must be a list of at most 5 buttons`);
    imageResponseCard.buttons = card.buttons.map((button, index) =>
      parseButton(button, `${path}.imageResponseCard.buttons[${index}]`, fail),
    );
  }
  const message: LexMessage = { contentType, imageResponseCard };
  if (typeof value.content === 'string') message.content = value.content;
  return message;
}

/** A list of at most 10 messages at `path`. */
export function parseMessages(value: unknown, path: string, fail: Fail): LexMessage[] {
  if (!Array.isArray(value)) return fail(`${path} must be a list`);
  if (value.length > MAX_MESSAGES) return fail(`${path} has ${value.length} messages; at most ${MAX_MESSAGES} are allowed`);
  return value.map((message, index) => parseMessage(message, `${path}[${index}]`, fail));
}
