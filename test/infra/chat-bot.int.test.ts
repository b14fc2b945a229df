import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import type { BotDefinition, IntentDefinition, SlotDefinition } from '../../bot/definition/bot-definition';
import { statecraftBot } from '../../bot/definition/statecraft-bot';
import { BotDefinitionError } from '../../infra/bot/lex-bot-properties';
import { ChatBot, LIVE_ALIAS_NAME } from '../../infra/constructs/chat-bot';
import { catalogue } from '../../workflows/definitions';

/** The parts of the synthesized AWS::Lex::Bot these tests read, in CloudFormation's casing. */
type CfnIntent = { Name: string; ParentIntentSignature?: string } & Record<string, unknown>;
type CfnLocale = { LocaleId: string; NluConfidenceThreshold: number; Intents: CfnIntent[]; SlotTypes: unknown[] };
type GetAtt = { 'Fn::GetAtt': [string, string] };

const definition = statecraftBot(catalogue);

/** Synthesizes a stack holding the bot and an API role granted RecognizeText; CloudFormation's schema findings fail the synth. */
function synthesize(bot: BotDefinition = definition) {
  const app = new App({ context: { '@aws-cdk/core:validateAgainstDefaultRules': true, '@aws-cdk/core:strictCfnValidateErrors': true } });
  const stack = new Stack(app, 'ChatBotTest');
  const dialogFunction = new lambda.Function(stack, 'DialogFunction', {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => ({});'),
  });
  const chatBot = new ChatBot(stack, 'ChatBot', { botName: bot.name, definition: bot, dialogFunction });
  const apiRole = new iam.Role(stack, 'ApiRole', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
  chatBot.grantRecognizeText(apiRole);
  return { template: Template.fromStack(stack), stack, chatBot };
}

/** The only resource of `type`, with its logical id. */
function single(template: Template, type: string): { id: string; properties: Record<string, unknown> } {
  const resources = Object.entries(template.findResources(type));
  expect(resources).toHaveLength(1);
  const [id, resource] = resources[0];
  return { id, properties: resource.Properties };
}

/** The definition's prompt as CloudFormation spells a one-message prompt or response. */
function messages(text: string): object {
  return { MessageGroupsList: [{ Message: { PlainTextMessage: { Value: text } } }] };
}

function expectedSlot(slot: SlotDefinition): object {
  return {
    Name: slot.name,
    Description: slot.description,
    SlotTypeName: slot.slotType,
    ValueElicitationSetting: {
      SlotConstraint: slot.required ? 'Required' : 'Optional',
      PromptSpecification: { MaxRetries: slot.maxRetries, ...messages(slot.prompt) },
    },
  };
}

const { template, stack, chatBot } = synthesize();
const bot = single(template, 'AWS::Lex::Bot');
const locale = (bot.properties.BotLocales as CfnLocale[])[0];
const intentsByName = new Map(locale.Intents.map((intent) => [intent.Name, intent]));
const customIntents = definition.intents.filter((intent) => !intent.parentIntentSignature);
const builtInIntents = definition.intents.filter((intent) => intent.parentIntentSignature);
const intentsWithSlots = definition.intents.filter((intent) => intent.slots.length > 0);
const alias = single(template, 'AWS::Lex::BotAlias');
const aliasArn = {
  'Fn::Join': [
    '',
    [
      'arn:',
      { Ref: 'AWS::Partition' },
      ':lex:',
      { Ref: 'AWS::Region' },
      ':',
      { Ref: 'AWS::AccountId' },
      ':bot-alias/',
      { 'Fn::GetAtt': [bot.id, 'Id'] },
      '/',
      { 'Fn::GetAtt': [alias.id, 'BotAliasId'] },
    ],
  ],
};

function emitted(intent: IntentDefinition): CfnIntent {
  const found = intentsByName.get(intent.name);
  if (!found) throw new Error(`intent ${intent.name} is missing from the template`);
  return found;
}

describe('ChatBot', () => {
  describe('the bot', () => {
    it("passes CloudFormation's registry-schema validation, warnings included", () => {
      expect(() => synthesize()).not.toThrow();
    });

    it('has the required bot properties: role, data privacy, idle TTL, auto-built locales', () => {
      expect(bot.properties).toMatchObject({
        Name: definition.name,
        Description: definition.description,
        RoleArn: { 'Fn::GetAtt': [expect.stringContaining('ChatBotRuntimeRole'), 'Arn'] },
        DataPrivacy: { ChildDirected: false },
        IdleSessionTTLInSeconds: definition.idleSessionTtlSeconds,
        AutoBuildBotLocales: true,
      });
    });

    it('gives Lex a runtime role that only lexv2 can assume and that holds no permissions', () => {
      const [roleId] = (bot.properties.RoleArn as GetAtt)['Fn::GetAtt'];
      const role = template.findResources('AWS::IAM::Role')[roleId];

      expect(role.Properties.AssumeRolePolicyDocument.Statement).toStrictEqual([
        { Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'lexv2.amazonaws.com' } },
      ]);
      expect(role.Properties.Policies).toBeUndefined();
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
      const policiesOnRole = Object.values(template.findResources('AWS::IAM::Policy')).filter((policy) =>
        JSON.stringify(policy.Properties.Roles).includes(roleId),
      );
      expect(policiesOnRole).toHaveLength(0);
    });

    it("emits one locale with the definition's locale id and NLU confidence threshold", () => {
      expect(bot.properties.BotLocales).toHaveLength(1);
      expect(locale.LocaleId).toBe(definition.localeId);
      expect(locale.NluConfidenceThreshold).toBe(definition.nluConfidenceThreshold);
    });
  });

  describe('intents', () => {
    it('emits every intent of the definition, in order', () => {
      expect(locale.Intents.map((intent) => intent.Name)).toStrictEqual(definition.intents.map((intent) => intent.name));
    });

    it('declares the built-in FallbackIntent', () => {
      expect(locale.Intents).toContainEqual(
        expect.objectContaining({ Name: 'FallbackIntent', ParentIntentSignature: 'AMAZON.FallbackIntent' }),
      );
    });

    it.each(customIntents.map((intent) => [intent.name, intent] as const))(
      '%s has the sample utterances of the definition',
      (_name, intent) => {
        expect(emitted(intent).SampleUtterances).toStrictEqual(intent.sampleUtterances.map((utterance) => ({ Utterance: utterance })));
      },
    );

    it.each(builtInIntents.map((intent) => [intent.name, intent] as const))(
      "%s extends its built-in intent and keeps Lex's own utterances",
      (_name, intent) => {
        expect(emitted(intent).ParentIntentSignature).toBe(intent.parentIntentSignature);
        expect(emitted(intent).SampleUtterances).toBeUndefined();
      },
    );

    it.each(intentsWithSlots.map((intent) => [intent.name, intent] as const))(
      '%s has the slots of the definition (types, prompts, retries) prioritized in definition order',
      (_name, intent) => {
        expect(emitted(intent).Slots).toStrictEqual(intent.slots.map(expectedSlot));
        expect(emitted(intent).SlotPriorities).toStrictEqual(
          intent.slots.map((slot, index) => ({ Priority: index + 1, SlotName: slot.name })),
        );
      },
    );

    it.each(definition.intents.map((intent) => [intent.name, intent] as const))(
      '%s enables exactly the code hooks and confirmation the definition asks for',
      (_name, intent) => {
        const { confirmation, closingResponse } = intent;

        expect(emitted(intent).DialogCodeHook).toStrictEqual(intent.dialogCodeHook ? { Enabled: true } : undefined);
        expect(emitted(intent).FulfillmentCodeHook).toStrictEqual(intent.fulfillmentCodeHook ? { Enabled: true } : undefined);
        expect(emitted(intent).IntentConfirmationSetting).toStrictEqual(
          confirmation && {
            PromptSpecification: { MaxRetries: confirmation.maxRetries, ...messages(confirmation.prompt) },
            DeclinationResponse: messages(confirmation.declinationResponse),
          },
        );
        expect(emitted(intent).IntentClosingSetting).toStrictEqual(
          closingResponse === undefined ? undefined : { ClosingResponse: messages(closingResponse) },
        );
      },
    );
  });

  describe('slot types', () => {
    it('emits every custom slot type with its resolution strategy, values and synonyms', () => {
      expect(locale.SlotTypes).toStrictEqual(
        definition.slotTypes.map((slotType) => ({
          Name: slotType.name,
          Description: slotType.description,
          ValueSelectionSetting: { ResolutionStrategy: slotType.resolution },
          SlotTypeValues: slotType.values.map(({ value, synonyms }) => ({
            SampleValue: { Value: value },
            ...(synonyms.length > 0 ? { Synonyms: synonyms.map((synonym) => ({ Value: synonym })) } : {}),
          })),
        })),
      );
    });
  });

  describe('version and alias', () => {
    it('publishes a version from the DRAFT locale', () => {
      const version = single(template, 'AWS::Lex::BotVersion');

      expect(version.properties).toStrictEqual({
        BotId: { 'Fn::GetAtt': [bot.id, 'Id'] },
        BotVersionLocaleSpecification: [{ LocaleId: definition.localeId, BotVersionLocaleDetails: { SourceBotVersion: 'DRAFT' } }],
      });
    });

    it('publishes a new version when the definition changes, and the same one when it does not', () => {
      const changed: BotDefinition = {
        ...definition,
        intents: definition.intents.map((intent) => ({ ...intent, description: `${intent.description}!` })),
      };

      const sameId = single(synthesize().template, 'AWS::Lex::BotVersion').id;
      const changedId = single(synthesize(changed).template, 'AWS::Lex::BotVersion').id;

      expect(sameId).toBe(single(template, 'AWS::Lex::BotVersion').id);
      expect(changedId).not.toBe(sameId);
    });

    it('points the live alias at the version, with the dialog function as its code hook', () => {
      const version = single(template, 'AWS::Lex::BotVersion');
      const dialogFunction = single(template, 'AWS::Lambda::Function');

      expect(alias.properties).toStrictEqual({
        BotId: { 'Fn::GetAtt': [bot.id, 'Id'] },
        BotAliasName: LIVE_ALIAS_NAME,
        BotVersion: { 'Fn::GetAtt': [version.id, 'BotVersion'] },
        BotAliasLocaleSettings: [
          {
            LocaleId: definition.localeId,
            BotAliasLocaleSetting: {
              Enabled: true,
              CodeHookSpecification: {
                LambdaCodeHook: { CodeHookInterfaceVersion: '1.0', LambdaArn: { 'Fn::GetAtt': [dialogFunction.id, 'Arn'] } },
              },
            },
          },
        ],
      });
    });

    it('lets lexv2 invoke the dialog function through the live alias only', () => {
      const dialogFunction = single(template, 'AWS::Lambda::Function');

      template.resourceCountIs('AWS::Lambda::Permission', 1);
      template.hasResourceProperties('AWS::Lambda::Permission', {
        Action: 'lambda:InvokeFunction',
        FunctionName: { 'Fn::GetAtt': [dialogFunction.id, 'Arn'] },
        Principal: 'lexv2.amazonaws.com',
        SourceArn: aliasArn,
      });
    });

    it('exposes the bot id, the alias id and the alias ARN', () => {
      expect(stack.resolve(chatBot.botId)).toStrictEqual({ 'Fn::GetAtt': [bot.id, 'Id'] });
      expect(stack.resolve(chatBot.botAliasId)).toStrictEqual({ 'Fn::GetAtt': [alias.id, 'BotAliasId'] });
      expect(stack.resolve(chatBot.botAliasArn)).toStrictEqual(aliasArn);
    });
  });

  describe('grantRecognizeText', () => {
    it('allows lex:RecognizeText on the live alias ARN and nothing else', () => {
      const policy = single(template, 'AWS::IAM::Policy');

      expect(policy.properties.PolicyDocument).toHaveProperty('Statement', [
        { Action: 'lex:RecognizeText', Effect: 'Allow', Resource: aliasArn },
      ]);
      expect(policy.properties.Roles).toStrictEqual([{ Ref: expect.stringContaining('ApiRole') }]);
      expect(JSON.stringify(policy.properties.PolicyDocument)).not.toContain('"*"');
    });
  });

  describe('definitions Lex cannot express', () => {
    it('fails with every problem named when utterances and slots do not fit Lex', () => {
      const [first, ...rest] = definition.intents;
      const broken: BotDefinition = {
        ...definition,
        intents: [
          {
            ...first,
            sampleUtterances: [...first.sampleUtterances, 'start {Workflow}'],
            slots: [...first.slots, { ...intentsWithSlots[0].slots[0], name: 'Note', slotType: 'NoteType', maxRetries: 9 }],
          },
          ...rest,
        ],
      };

      expect(() => synthesize(broken)).toThrow(BotDefinitionError);
      expect(() => synthesize(broken)).toThrow(
        [
          `Bot ${definition.name} cannot be expressed as AWS::Lex::Bot:`,
          `- intent ${first.name}: slot Note has slot type NoteType, which is neither a custom slot type of the bot nor an AMAZON.* built-in`,
          `- intent ${first.name}: slot Note maxRetries 9 is not in 0..5`,
          `- intent ${first.name}: sample utterance "start {Workflow}" names {Workflow}, which is not a slot of the intent`,
        ].join('\n'),
      );
    });

    it('fails when a sample utterance names an AMAZON.FreeFormInput slot, which Lex fills only when it elicits it', () => {
      const intent = intentsWithSlots.find((candidate) => candidate.slots.some((slot) => slot.slotType === 'AMAZON.FreeFormInput'));
      if (!intent) throw new Error('the definition has no FreeFormInput slot to test with');
      const freeForm = intent.slots.find((slot) => slot.slotType === 'AMAZON.FreeFormInput') as SlotDefinition;
      const broken: BotDefinition = {
        ...definition,
        intents: definition.intents.map((candidate) =>
          candidate === intent ? { ...intent, sampleUtterances: [...intent.sampleUtterances, `note {${freeForm.name}}`] } : candidate,
        ),
      };

      expect(() => synthesize(broken)).toThrow(
        `sample utterance "note {${freeForm.name}}" names {${freeForm.name}}, an AMAZON.FreeFormInput slot`,
      );
    });

    it('adds the built-in FallbackIntent when the definition has none, as the local runtime does', () => {
      const withoutFallback: BotDefinition = { ...definition, intents: customIntents };

      const { template: synthesized } = synthesize(withoutFallback);

      const [{ Intents: intents }] = single(synthesized, 'AWS::Lex::Bot').properties.BotLocales as CfnLocale[];
      expect(intents.at(-1)).toStrictEqual({
        Name: 'FallbackIntent',
        Description: 'Built-in fallback',
        ParentIntentSignature: 'AMAZON.FallbackIntent',
      });
    });
  });
});
