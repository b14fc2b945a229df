/**
 * The local Lex V2 runtime over a bot definition, an Understanding and the code hook: RecognizeText
 * (LEX.md §10's turn algorithm), PutSession, GetSession and DeleteSession as plain async functions.
 * Sessions live in the chat-sessions table, so a restarted process continues a conversation.
 */
import { randomUUID } from 'node:crypto';
import type { BotDefinition } from '../definition/bot-definition';
import type { LexCodeHook, LexSessionState, RecognizeTextResponse } from '../definition/lex-types';
import type { ChatSessionStore } from '../dialog/chat-session-store';
import { advanceTurn } from './advance-turn';
import { ageActiveContexts, liveActiveContexts } from './age-active-contexts';
import { buildInterpretations } from './build-interpretations';
import { checkSessionState } from './check-session-state';
import { failWith, LexRuntimeError } from './errors';
import { intentWithAllSlots } from './intent-with-all-slots';
import type { LexRuntime, PutSessionRequest } from './lex-runtime-types';
import { mergeSessionState } from './merge-session-state';
import { parseStringMap } from './parse-session-state';
import {
  DEFAULT_BOT_ALIAS_ID,
  DEFAULT_BOT_ALIAS_NAME,
  DEFAULT_BOT_ID,
  DEFAULT_CODE_HOOK_TIMEOUT_MS,
  MAX_MESSAGES,
  MAX_TEXT_LENGTH,
  SESSION_ID_PATTERN,
} from './runtime-defaults';
import { silentRuntimeLogger, type RuntimeLogger } from './runtime-logger';
import { SessionLocks } from './session-locks';
import { emptySession, storedSessionKey, type LexSessionAddress, type StoredSession } from './stored-session';
import { understandTurn } from './understand-turn';
import type { Understanding } from './understanding';
import { withFallbackIntent } from './with-fallback-intent';

/** What the runtime is built from. */
export type LexRuntimeOptions = {
  bot: BotDefinition;
  understanding: Understanding;
  codeHook: LexCodeHook;
  /** Where sessions live (the chat-sessions table); only get, put and delete are used. */
  sessions: Pick<ChatSessionStore, 'get' | 'put' | 'delete'>;
  botId?: string;
  botAliasId?: string;
  botAliasName?: string;
  /** Epoch ms; idle expiry and active-context time are measured with it. */
  now?: () => number;
  logger?: RuntimeLogger;
  /** How long a code hook may take (30 s on AWS). */
  codeHookTimeoutMs?: number;
};

const validation = failWith('ValidationException');

/** Builds the runtime. */
export function createLexRuntime(options: LexRuntimeOptions): LexRuntime {
  const {
    understanding,
    codeHook,
    sessions,
    botId = DEFAULT_BOT_ID,
    botAliasId = DEFAULT_BOT_ALIAS_ID,
    botAliasName = DEFAULT_BOT_ALIAS_NAME,
    now = Date.now,
    logger = silentRuntimeLogger,
    codeHookTimeoutMs = DEFAULT_CODE_HOOK_TIMEOUT_MS,
  } = options;
  const bot = withFallbackIntent(options.bot);
  const locks = new SessionLocks();

  const checkAddress = (address: LexSessionAddress): string => {
    if (typeof address.sessionId !== 'string' || !SESSION_ID_PATTERN.test(address.sessionId))
      validation(`sessionId must match ${SESSION_ID_PATTERN.source}`);
    if (address.botId !== botId) throw new LexRuntimeError('ResourceNotFoundException', `Bot ${address.botId} not found`);
    if (address.botAliasId !== botAliasId)
      throw new LexRuntimeError('ResourceNotFoundException', `Bot alias ${address.botAliasId} of bot ${botId} not found`);
    if (address.localeId !== bot.localeId)
      throw new LexRuntimeError('ResourceNotFoundException', `Locale ${address.localeId} is not enabled on bot alias ${botAliasId}`);
    return storedSessionKey(address);
  };
  const load = async (key: string): Promise<StoredSession | undefined> => {
    const stored = await sessions.get<StoredSession>(key);
    return stored && stored.lastActiveAt + bot.idleSessionTtlSeconds * 1000 > now() ? stored : undefined;
  };
  /** A stored session the bot no longer fits (an intent or slot renamed since) starts fresh, keeping its attributes. */
  const fitting = (session: StoredSession, at: number): StoredSession => {
    try {
      checkSessionState(session.sessionState, bot, 'stored sessionState', validation);
      return session;
    } catch (error) {
      logger.info('stored lex session does not fit the bot; starting it fresh', {
        error: error instanceof Error ? error.message : String(error),
      });
      const fresh = emptySession(at);
      return { ...fresh, sessionState: { ...fresh.sessionState, sessionAttributes: session.sessionState.sessionAttributes ?? {} } };
    }
  };
  const save = (key: string, session: StoredSession) => sessions.put(key, session, bot.idleSessionTtlSeconds);
  const normalize = (state: LexSessionState): LexSessionState => {
    const definition = state.intent ? bot.intents.find((intent) => intent.name === state.intent?.name) : undefined;
    return definition && state.intent ? { ...state, intent: intentWithAllSlots(definition, state.intent) } : state;
  };
  const locked = async <Result>(key: string, sessionId: string, work: () => Promise<Result>): Promise<Result> => {
    const release = locks.tryAcquire(key);
    if (!release) throw new LexRuntimeError('ConflictException', `Another request is in progress for session ${sessionId}`);
    try {
      return await work();
    } finally {
      release();
    }
  };
  const guarded = async <Result>(operation: string, work: () => Promise<Result>): Promise<Result> => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof LexRuntimeError) throw error;
      logger.error('lex runtime failure', { operation, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      throw new LexRuntimeError(
        'InternalServerException',
        `${operation} failed: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    }
  };

  const recognizeText: LexRuntime['recognizeText'] = (request) =>
    guarded('RecognizeText', async () => {
      const key = checkAddress(request);
      const { text } = request;
      if (typeof text !== 'string') return validation('text is required');
      if (text.length < 1 || text.length > MAX_TEXT_LENGTH)
        return validation(`text must be 1..${MAX_TEXT_LENGTH} characters (got ${text.length})`);
      const requestAttributes =
        request.requestAttributes === undefined ? undefined : parseStringMap(request.requestAttributes, 'requestAttributes', validation);
      if (request.sessionState) checkSessionState(request.sessionState, bot, 'sessionState', validation);
      return locked(key, request.sessionId, async (): Promise<RecognizeTextResponse> => {
        const at = now();
        const session = fitting((await load(key)) ?? emptySession(at), at);
        const expiries = session.contextExpiries ?? {};
        const stored = {
          ...session.sessionState,
          activeContexts: liveActiveContexts(session.sessionState.activeContexts ?? [], expiries, at),
        };
        const state = normalize(mergeSessionState(stored, request.sessionState));
        checkSessionState(state, bot, 'sessionState', validation);
        const understood = await understandTurn({ bot, understanding, state, prompt: session.prompt, text });
        const outcome = await advanceTurn({
          bot,
          understanding,
          codeHook,
          codeHookTimeoutMs,
          address: request,
          aliasName: botAliasName,
          text,
          requestAttributes,
          state,
          previousMessages: session.messages,
          understood,
        });
        const aged = ageActiveContexts(state.activeContexts ?? [], outcome.sessionState.activeContexts ?? [], expiries, at);
        const sessionState: LexSessionState = {
          ...outcome.sessionState,
          activeContexts: aged.activeContexts,
          originatingRequestId: randomUUID(),
        };
        const active = sessionState.intent ?? understood.intent;
        const score =
          active.name === understood.definition.name
            ? understood.score
            : understood.ranked.find((entry) => entry.name === active.name)?.score;
        const interpretations = buildInterpretations({ bot, understanding, text, active, activeScore: score, ranked: understood.ranked });
        await save(key, {
          sessionState,
          messages: outcome.messages,
          interpretations,
          prompt: outcome.prompt,
          contextExpiries: aged.contextExpiries,
          lastActiveAt: at,
        });
        logger.info('lex turn', { sessionId: request.sessionId, intent: active.name, dialogAction: sessionState.dialogAction?.type });
        return {
          ...(outcome.messages.length ? { messages: outcome.messages } : {}),
          sessionState,
          interpretations,
          sessionId: request.sessionId,
          ...(requestAttributes ? { requestAttributes } : {}),
        };
      });
    });

  const putSession: LexRuntime['putSession'] = (request: PutSessionRequest) =>
    guarded('PutSession', async () => {
      const key = checkAddress(request);
      if (!request.sessionState) return validation('sessionState is required');
      checkSessionState(request.sessionState, bot, 'sessionState', validation);
      if ((request.messages?.length ?? 0) > MAX_MESSAGES) validation(`messages: at most ${MAX_MESSAGES} are allowed`);
      const requestAttributes =
        request.requestAttributes === undefined ? undefined : parseStringMap(request.requestAttributes, 'requestAttributes', validation);
      return locked(key, request.sessionId, async () => {
        const at = now();
        const sent = normalize(request.sessionState);
        const sessionState: LexSessionState = {
          ...sent,
          sessionAttributes: sent.sessionAttributes ?? {},
          activeContexts: sent.activeContexts ?? [],
          originatingRequestId: randomUUID(),
        };
        const messages = request.messages ?? [];
        const aged = ageActiveContexts([], sessionState.activeContexts ?? [], {}, at);
        const interpretations = sessionState.intent ? [{ intent: sessionState.intent, interpretationSource: 'Lex' as const }] : [];
        await save(key, { sessionState, messages, interpretations, contextExpiries: aged.contextExpiries, lastActiveAt: at });
        return {
          sessionId: request.sessionId,
          sessionState,
          messages,
          ...(requestAttributes ? { requestAttributes } : {}),
          contentType: request.responseContentType ?? 'text/plain; charset=utf-8',
        };
      });
    });

  const getSession: LexRuntime['getSession'] = (address) =>
    guarded('GetSession', async () => {
      const session = await load(checkAddress(address));
      if (!session) throw new LexRuntimeError('ResourceNotFoundException', 'Session not found');
      return {
        sessionId: address.sessionId,
        messages: session.messages,
        interpretations: session.interpretations,
        sessionState: session.sessionState,
      };
    });

  const deleteSession: LexRuntime['deleteSession'] = (address) =>
    guarded('DeleteSession', async () => {
      const key = checkAddress(address);
      return locked(key, address.sessionId, async () => {
        if (!(await load(key))) throw new LexRuntimeError('ResourceNotFoundException', 'Session not found');
        await sessions.delete(key);
        return { botId: address.botId, botAliasId: address.botAliasId, localeId: address.localeId, sessionId: address.sessionId };
      });
    });

  return { recognizeText, putSession, getSession, deleteSession };
}
