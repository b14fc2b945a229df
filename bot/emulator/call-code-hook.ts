/**
 * Calls the code hook as Lex calls the Lambda: a throw, no answer within the timeout (30 s, the
 * RecognizeText limit) or an invalid answer is a DependencyFailedException (424), LEX.md §5.
 */
import type { BotDefinition } from '../definition/bot-definition';
import type { LexCodeHook, LexCodeHookEvent, LexCodeHookResponse } from '../definition/lex-types';
import { LexRuntimeError } from './errors';
import { parseCodeHookResponse } from './parse-code-hook-response';

/** The hook's validated answer to `event`. */
export async function callCodeHook(
  codeHook: LexCodeHook,
  event: LexCodeHookEvent,
  bot: BotDefinition,
  timeoutMs: number,
): Promise<LexCodeHookResponse> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new LexRuntimeError(
            'DependencyFailedException',
            `The code hook did not answer the ${event.invocationSource} event within ${timeoutMs / 1000} s`,
          ),
        ),
      timeoutMs,
    );
  });
  let answer: unknown;
  try {
    answer = await Promise.race([Promise.resolve().then(() => codeHook(event)), timeout]);
  } catch (error) {
    if (error instanceof LexRuntimeError) throw error;
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw new LexRuntimeError('DependencyFailedException', `The code hook failed on the ${event.invocationSource} event: ${reason}`, {
      cause: error,
    });
  } finally {
    clearTimeout(timer);
  }
  return parseCodeHookResponse(jsonCopy(answer), bot, event.invocationSource);
}

/** A copy of the answer as it would cross the Lambda boundary (JSON), so the hook keeps no reference into the session. */
function jsonCopy(value: unknown): unknown {
  if (value === undefined) return undefined;
  try {
    return JSON.parse(JSON.stringify(value)) as unknown;
  } catch (error) {
    throw new LexRuntimeError(
      'DependencyFailedException',
      `Invalid Lambda Response: the response is not JSON-serializable (${String(error)})`,
      { cause: error },
    );
  }
}
