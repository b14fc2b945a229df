/** The local Lex runtime's defaults, each in one place. */

/** The bot id the runtime answers to (Lex bot ids are 10 alphanumerics). */
export const DEFAULT_BOT_ID = 'STATECRAFT';
/** The built-in test alias (TestBotAlias → DRAFT): https://docs.aws.amazon.com/lexv2/latest/dg/versions-aliases.html */
export const DEFAULT_BOT_ALIAS_ID = 'TSTALIASID';
/** The test alias's name, as code-hook events show it. */
export const DEFAULT_BOT_ALIAS_NAME = 'TestBotAlias';
/** Lex gives up on a code hook after 30 s (RecognizeText: "doesn't return within 30 seconds"). */
export const DEFAULT_CODE_HOOK_TIMEOUT_MS = 30_000;
/** Said when an intent is fulfilled without a hook message or a closing response. */
export const DEFAULT_CLOSING_MESSAGE = 'Done.';
/** Said when FallbackIntent closes without a hook message or a closing response. */
export const DEFAULT_FALLBACK_MESSAGE = "Sorry, I didn't understand that.";
/** Said when an intent fails without a hook message or a declination response. */
export const DEFAULT_FAILURE_MESSAGE = "Sorry, I couldn't do that.";
/** Retries of a confirmation the code hook asked for on an intent without its own confirmation setting. */
export const DEFAULT_MAX_RETRIES = 2;
/** RecognizeText `text` is 1..1024 characters (service model shape `Text`). */
export const MAX_TEXT_LENGTH = 1024;
/** A response carries at most 10 messages (service model). */
export const MAX_MESSAGES = 10;
/** A session has at most 20 active contexts (service model). */
export const MAX_ACTIVE_CONTEXTS = 20;
/** RecognizeText returns at most 5 interpretations. */
export const MAX_INTERPRETATIONS = 5;
/** The HTTP server refuses request bodies larger than this. */
export const MAX_BODY_BYTES = 64 * 1024;
/** Session ids (service model shape `SessionId`). */
export const SESSION_ID_PATTERN = /^[0-9a-zA-Z._:-]{2,100}$/;
