/**
 * Bot-defined prompts with their placeholders filled: `{SlotName}` from the intent's slot values
 * and `[attribute]` from session attributes (https://docs.aws.amazon.com/lexv2/latest/dg/context-mgmt-session-attribs.html).
 */
import type { LexIntent, LexMessage } from '../definition/lex-types';

/** The text with `{Slot}` replaced by the slot's interpreted value ('' when unfilled) and `[attr]` by the attribute (left as is when absent). */
export function renderPrompt(template: string, intent: LexIntent | undefined, sessionAttributes: Record<string, string> = {}): string {
  const slots = intent?.slots ?? {};
  return template
    .replace(/\{([A-Za-z0-9_]+)\}/g, (placeholder, name: string) =>
      name in slots ? (slots[name]?.value?.interpretedValue ?? '') : placeholder,
    )
    .replace(/\[([A-Za-z0-9_.:-]+)\]/g, (placeholder, name: string) => sessionAttributes[name] ?? placeholder);
}

/** The rendered prompt as a PlainText message. */
export function promptMessage(template: string, intent: LexIntent | undefined, sessionAttributes: Record<string, string> = {}): LexMessage {
  return { contentType: 'PlainText', content: renderPrompt(template, intent, sessionAttributes) };
}
