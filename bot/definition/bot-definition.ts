/**
 * The Lex V2 bot as typed data: the single source for the CloudFormation the deploy emits and for
 * the local Lex runtime. Field names follow the CloudFormation `AWS::Lex::Bot` properties
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-lex-bot.html).
 */

/** How the local runtime finds a slot's value in an utterance (Lex uses its ML on the sample values instead). */
export type SlotRecognizer =
  /** The slot type's values and synonyms, matched loosely (case, hyphens, articles, small typos). */
  | { kind: 'values' }
  /** A run id such as `r-7f3a9c` (lower-cased), or one of the slot type's values through its synonyms ("last one" → latest). */
  | { kind: 'run-reference' }
  /** Free text after a marker such as "because" or "comment:" (the AMAZON.FreeFormInput slots when not elicited). */
  | { kind: 'after-marker' }
  /** A JSON object or `key=value` pairs the user typed. */
  | { kind: 'run-input' };

/** A custom slot type (`SlotTypes[]`). */
export type SlotTypeDefinition = {
  name: string;
  description: string;
  /** `ValueSelectionSetting.ResolutionStrategy`: TOP_RESOLUTION answers only known values; ORIGINAL_VALUE keeps what the user said. */
  resolution: 'TOP_RESOLUTION' | 'ORIGINAL_VALUE';
  values: readonly { value: string; synonyms: readonly string[] }[];
};

/** A slot of an intent (`Intents[].Slots[]`). */
export type SlotDefinition = {
  name: string;
  description: string;
  /** A custom slot type's name, or a built-in (`AMAZON.FreeFormInput`). */
  slotType: string;
  required: boolean;
  /** The elicitation prompt; `{SlotName}` and `[sessionAttribute]` are substituted. */
  prompt: string;
  maxRetries: number;
  recognizer: SlotRecognizer;
};

/** An intent (`Intents[]`). */
export type IntentDefinition = {
  name: string;
  description: string;
  /** A built-in intent this one extends (FallbackIntent is required by Lex; CancelIntent has Lex's own grammar). */
  parentIntentSignature?: 'AMAZON.FallbackIntent' | 'AMAZON.CancelIntent';
  /** Sample utterances; `{SlotName}` marks where a slot's value goes. */
  sampleUtterances: readonly string[];
  slots: readonly SlotDefinition[];
  /** Asked once every required slot is filled (`IntentConfirmationSetting`). */
  confirmation?: { prompt: string; declinationResponse: string; maxRetries: number };
  /** Said when the intent closes and the code hook gave no message (`IntentClosingSetting`). */
  closingResponse?: string;
  dialogCodeHook: boolean;
  fulfillmentCodeHook: boolean;
};

/** The bot (`AWS::Lex::Bot` with one locale). */
export type BotDefinition = {
  name: string;
  description: string;
  /** Lex forgets a session idle this long (60..86400). */
  idleSessionTtlSeconds: number;
  localeId: 'en_US';
  /** Below this top score, FallbackIntent is the interpretation Lex acts on. */
  nluConfidenceThreshold: number;
  slotTypes: readonly SlotTypeDefinition[];
  intents: readonly IntentDefinition[];
};

/** The intent named `name`, or undefined. */
export function intentNamed(bot: BotDefinition, name: string): IntentDefinition | undefined {
  return bot.intents.find((intent) => intent.name === name);
}

/** The slot type named `name`, or undefined (built-ins have none). */
export function slotTypeNamed(bot: BotDefinition, name: string): SlotTypeDefinition | undefined {
  return bot.slotTypes.find((slotType) => slotType.name === name);
}
