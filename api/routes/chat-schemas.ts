/** Schemas (zod) of `POST /api/chat`: the request the route validates and the turn it returns. */
import { z } from 'zod';
import { CONVERSATION_ID } from '../chat/chat-session-id';

/** Lex's limit on a turn's text. */
const MAX_TEXT_LENGTH = 1024;

/** POST /api/chat */
export const chatBody = z.strictObject({
  text: z
    .string()
    .trim()
    .min(1, 'say something')
    .max(MAX_TEXT_LENGTH, `at most ${MAX_TEXT_LENGTH} characters`)
    // The route trims before counting; `pattern` says in JSON Schema that blank text is refused.
    .meta({
      pattern: '\\S',
      description: "What the user says (a button's value when they pick one), at most 1024 characters once trimmed.",
    }),
  conversationId: z
    .string()
    .regex(CONVERSATION_ID, 'letters, digits and -, at most 64')
    .optional()
    .meta({ description: 'Continue this conversation; omit to start one (the answer names it).' }),
});

/** The answer: what Lex V2 RecognizeText returned, for the conversation named. */
export const chatTurnResponse = z.object({
  conversationId: z.string(),
  messages: z
    .array(z.looseObject({}))
    .meta({ description: "Lex messages: PlainText, and ImageResponseCard whose buttons' values are what to send back." }),
  sessionState: z.looseObject({}).meta({
    description: 'Lex SessionState: intent (name, slots, state, confirmationState), dialogAction (type, slotToElicit), sessionAttributes.',
  }),
  interpretations: z.array(z.looseObject({})).meta({ description: 'Lex interpretations, best first, with nluConfidence.score.' }),
});
