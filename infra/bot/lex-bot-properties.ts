/**
 * The bot definition as the `BotLocales` entry of `AWS::Lex::Bot` (../shared/bot/LEX.md §11), in the
 * camelCase shape of CDK's `CfnBot` L1. Pure data: the local Lex runtime reads the same definition,
 * so every field maps to one CloudFormation property and nothing is written here by hand.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-lex-bot.html
 */
import type { CfnBot } from 'aws-cdk-lib/aws-lex';
import type { BotDefinition, IntentDefinition, SlotDefinition, SlotTypeDefinition } from '../../bot/definition/bot-definition';
import { withFallbackIntent } from '../../bot/emulator/with-fallback-intent';

/** Lex V2's limits that the definition's types cannot state (CFN registry schema `aws-lex-bot.json`). */
const MAX_RETRIES_LIMIT = 5;
const IDLE_SESSION_TTL_RANGE = { min: 60, max: 86_400 } as const;
const MAX_SLOT_VALUE_LENGTH = 140;
/** Slots Lex fills only by elicitation; they may not appear in sample utterances (LEX.md §8.1). */
const FREE_FORM_INPUT = 'AMAZON.FreeFormInput';

/** The definition holds something `AWS::Lex::Bot` cannot express; thrown at synth, with every problem listed. */
export class BotDefinitionError extends Error {
  override readonly name = 'BotDefinitionError';
  readonly code = 'InvalidBotDefinition';

  constructor(
    readonly botName: string,
    readonly problems: readonly string[],
  ) {
    super(`Bot ${botName} cannot be expressed as AWS::Lex::Bot:\n- ${problems.join('\n- ')}`);
  }
}

/** The locale of `AWS::Lex::Bot` for `definition`; a missing FallbackIntent is added as the local runtime adds it. */
export function lexBotLocale(definition: BotDefinition): CfnBot.BotLocaleProperty {
  const bot = withFallbackIntent(definition);
  const problems = lexBotProblems(bot);
  if (problems.length > 0) throw new BotDefinitionError(bot.name, problems);
  // Text-only bot: no VoiceSettings, so Lex never calls Polly for it.
  return {
    localeId: bot.localeId,
    nluConfidenceThreshold: bot.nluConfidenceThreshold,
    slotTypes: bot.slotTypes.map(lexSlotType),
    intents: bot.intents.map(lexIntent),
  };
}

/** What Lex would reject at deploy time (or build into a bot unlike the local one), found at synth instead. */
export function lexBotProblems(bot: BotDefinition): string[] {
  const problems: string[] = [];
  const { min, max } = IDLE_SESSION_TTL_RANGE;
  if (!Number.isInteger(bot.idleSessionTtlSeconds) || bot.idleSessionTtlSeconds < min || bot.idleSessionTtlSeconds > max) {
    problems.push(`idleSessionTtlSeconds ${bot.idleSessionTtlSeconds} is not a whole number of seconds in ${min}..${max}`);
  }
  if (!(bot.nluConfidenceThreshold >= 0 && bot.nluConfidenceThreshold <= 1)) {
    problems.push(`nluConfidenceThreshold ${bot.nluConfidenceThreshold} is not in 0..1`);
  }
  problems.push(
    ...duplicates(
      'slot type',
      bot.slotTypes.map((slotType) => slotType.name),
    ),
  );
  problems.push(
    ...duplicates(
      'intent',
      bot.intents.map((intent) => intent.name),
    ),
  );
  for (const slotType of bot.slotTypes) problems.push(...slotTypeProblems(slotType));
  const customSlotTypes = new Set(bot.slotTypes.map((slotType) => slotType.name));
  for (const intent of bot.intents) problems.push(...intentProblems(intent, customSlotTypes));
  return problems;
}

function slotTypeProblems(slotType: SlotTypeDefinition): string[] {
  const where = `slot type ${slotType.name}`;
  const problems = slotType.values.length === 0 ? [`${where} has no values`] : [];
  const phrases = slotType.values.flatMap(({ value, synonyms }) => [value, ...synonyms]);
  for (const phrase of phrases.filter((text) => text.trim().length === 0 || text.length > MAX_SLOT_VALUE_LENGTH)) {
    problems.push(`${where}: value or synonym "${phrase}" must be 1..${MAX_SLOT_VALUE_LENGTH} characters`);
  }
  return problems;
}

function intentProblems(intent: IntentDefinition, customSlotTypes: ReadonlySet<string>): string[] {
  const where = `intent ${intent.name}`;
  const { parentIntentSignature, confirmation } = intent;
  const problems = duplicates(
    `slot of ${where}`,
    intent.slots.map((slot) => slot.name),
  );
  // Built-in intents take no slots (https://docs.aws.amazon.com/lexv2/latest/dg/built-in-intents.html).
  if (parentIntentSignature && intent.slots.length > 0) problems.push(`${where} extends ${parentIntentSignature}, which cannot have slots`);
  if (parentIntentSignature === 'AMAZON.FallbackIntent' && confirmation)
    problems.push(`${where} is a FallbackIntent, which cannot ask for confirmation`);
  if (confirmation && !isMaxRetries(confirmation.maxRetries)) {
    problems.push(`${where}: confirmation maxRetries ${confirmation.maxRetries} is not in 0..${MAX_RETRIES_LIMIT}`);
  }
  for (const slot of intent.slots) {
    if (!customSlotTypes.has(slot.slotType) && !slot.slotType.startsWith('AMAZON.')) {
      problems.push(
        `${where}: slot ${slot.name} has slot type ${slot.slotType}, which is neither a custom slot type of the bot nor an AMAZON.* built-in`,
      );
    }
    if (!isMaxRetries(slot.maxRetries))
      problems.push(`${where}: slot ${slot.name} maxRetries ${slot.maxRetries} is not in 0..${MAX_RETRIES_LIMIT}`);
  }
  if (!parentIntentSignature) problems.push(...utteranceProblems(intent));
  return problems;
}

/** `{SlotName}` in a sample utterance must name a slot of the intent that Lex may fill from an utterance. */
function utteranceProblems(intent: IntentDefinition): string[] {
  const slotsByName = new Map(intent.slots.map((slot) => [slot.name, slot]));
  return intent.sampleUtterances.flatMap((utterance) =>
    [...utterance.matchAll(/\{(\w+)\}/g)].flatMap(([, slotName]) => {
      const slot = slotsByName.get(slotName);
      const where = `intent ${intent.name}: sample utterance "${utterance}" names {${slotName}}`;
      if (!slot) return [`${where}, which is not a slot of the intent`];
      if (slot.slotType === FREE_FORM_INPUT) return [`${where}, an ${FREE_FORM_INPUT} slot, which Lex fills only when it elicits it`];
      return [];
    }),
  );
}

function isMaxRetries(value: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= MAX_RETRIES_LIMIT;
}

function duplicates(what: string, names: readonly string[]): string[] {
  const repeated = names.filter((name, index) => names.indexOf(name) !== index);
  return [...new Set(repeated)].map((name) => `${what} ${name} is defined more than once`);
}

function lexSlotType(slotType: SlotTypeDefinition): CfnBot.SlotTypeProperty {
  return {
    name: slotType.name,
    description: slotType.description,
    valueSelectionSetting: { resolutionStrategy: slotType.resolution },
    slotTypeValues: slotType.values.map(({ value, synonyms }) => ({
      sampleValue: { value },
      synonyms: synonyms.length > 0 ? synonyms.map((synonym) => ({ value: synonym })) : undefined,
    })),
  };
}

/** Built-in intents keep Lex's own utterances: Lex does not let a bot add or remove them (built-in-intents.html). */
function lexIntent(intent: IntentDefinition): CfnBot.IntentProperty {
  const { confirmation, closingResponse, slots } = intent;
  return {
    name: intent.name,
    description: intent.description,
    parentIntentSignature: intent.parentIntentSignature,
    sampleUtterances: intent.parentIntentSignature ? undefined : intent.sampleUtterances.map((utterance) => ({ utterance })),
    slots: slots.length > 0 ? slots.map(lexSlot) : undefined,
    // Lex elicits required slots lowest priority first; the definition's order is the order the local runtime asks in.
    slotPriorities: slots.length > 0 ? slots.map((slot, index) => ({ priority: index + 1, slotName: slot.name })) : undefined,
    intentConfirmationSetting: confirmation && {
      promptSpecification: prompt(confirmation.prompt, confirmation.maxRetries),
      declinationResponse: response(confirmation.declinationResponse),
    },
    intentClosingSetting: closingResponse === undefined ? undefined : { closingResponse: response(closingResponse) },
    // The property names are DialogCodeHook and FulfillmentCodeHook (not …Setting); absent means not called.
    dialogCodeHook: intent.dialogCodeHook ? { enabled: true } : undefined,
    fulfillmentCodeHook: intent.fulfillmentCodeHook ? { enabled: true } : undefined,
  };
}

/** Optional slots keep their prompt too: the code hook elicits them with ElicitSlot and no message, and Lex then says the slot's prompt. */
function lexSlot(slot: SlotDefinition): CfnBot.SlotProperty {
  return {
    name: slot.name,
    description: slot.description,
    slotTypeName: slot.slotType,
    valueElicitationSetting: {
      slotConstraint: slot.required ? 'Required' : 'Optional',
      promptSpecification: prompt(slot.prompt, slot.maxRetries),
    },
  };
}

function prompt(text: string, maxRetries: number): CfnBot.PromptSpecificationProperty {
  return { maxRetries, messageGroupsList: [plainText(text)] };
}

function response(text: string): CfnBot.ResponseSpecificationProperty {
  return { messageGroupsList: [plainText(text)] };
}

function plainText(text: string): CfnBot.MessageGroupProperty {
  return { message: { plainTextMessage: { value: text } } };
}
