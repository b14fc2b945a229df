/**
 * `POST /api/chat`: one chat turn through the Lex V2 runtime (the real bot on AWS, the local
 * runtime in `make dev`). The verified caller's token, user and groups ride in the turn's request
 * attributes, which the code hook verifies; the session id is derived from the caller, so nobody
 * continues another user's conversation.
 */
import { randomUUID } from 'node:crypto';
import { RecognizeTextCommand, type LexRuntimeV2Client } from '@aws-sdk/client-lex-runtime-v2';
import { Router } from 'express';
import { identityAttributes } from '../../bot/dialog/verified-caller';
import { chatSessionId } from '../chat/chat-session-id';
import type { ApiConfig } from '../config';
import { HttpError } from '../errors';
import { callerOf } from '../middleware/caller-of';
import { chatBody } from './chat-schemas';

/** What the route needs: the Lex client and which bot, alias and locale to talk to. */
export type ChatRouterDeps = { lex: LexRuntimeV2Client; bot: ApiConfig['lex'] };

/** The chat route. */
export function chatRouter({ lex, bot }: ChatRouterDeps): Router {
  const router = Router();
  router.post('/api/chat', async (req, res) => {
    const caller = callerOf(res);
    const body = chatBody.parse(req.body ?? {});
    const conversationId = body.conversationId ?? randomUUID();
    const turn = await recognize(lex, {
      botId: bot.botId,
      botAliasId: bot.botAliasId,
      localeId: bot.localeId,
      sessionId: chatSessionId(caller.user, conversationId),
      text: body.text,
      requestAttributes: identityAttributes(caller, String(res.locals.token)),
    });
    res.json({
      conversationId,
      messages: turn.messages ?? [],
      sessionState: turn.sessionState ?? {},
      interpretations: turn.interpretations ?? [],
    });
  });
  return router;
}

/** RecognizeText, with Lex's failures as 502/503 problems that name the bot. */
async function recognize(lex: LexRuntimeV2Client, input: ConstructorParameters<typeof RecognizeTextCommand>[0]) {
  try {
    return await lex.send(new RecognizeTextCommand(input));
  } catch (error) {
    const name = error instanceof Error ? error.name : 'Error';
    const message = error instanceof Error ? error.message : String(error);
    if (name === 'ThrottlingException')
      throw new HttpError(429, 'chat-throttled', 'the chatbot is busy; try again in a moment', {}, { cause: error });
    if (!(error instanceof Error && '$metadata' in error)) {
      throw new HttpError(
        503,
        'chat-unavailable',
        `the chatbot (Lex bot ${input.botId}) is not reachable: ${message}`,
        {},
        { cause: error },
      );
    }
    throw new HttpError(
      502,
      'chat-failed',
      `the chatbot (Lex bot ${input.botId}, alias ${input.botAliasId}) answered ${name}: ${message}`,
      { lexError: name },
      { cause: error },
    );
  }
}
