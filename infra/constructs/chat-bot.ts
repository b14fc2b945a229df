/**
 * `ChatBot`: the Lex V2 bot from the single bot definition, published as a version behind a `live`
 * alias whose code hook is the dialog Lambda (../shared/bot/LEX.md §11).
 */
import { createHash } from 'node:crypto';
import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as lex from 'aws-cdk-lib/aws-lex';
import { Construct } from 'constructs';
import type { BotDefinition } from '../../bot/definition/bot-definition';
import { lexBotLocale } from '../bot/lex-bot-properties';

/** The alias the API talks to. */
export const LIVE_ALIAS_NAME = 'live';
/** The code-hook event and response shape the dialog Lambda speaks (bot/definition/lex-types.ts). */
const CODE_HOOK_INTERFACE_VERSION = '1.0';
const LEX_SERVICE_PRINCIPAL = 'lexv2.amazonaws.com';

export type ChatBotProps = {
  /** The bot's name on AWS. */
  botName: string;
  definition: BotDefinition;
  /** Answers Lex's dialog and fulfillment code hooks. */
  dialogFunction: lambda.IFunction;
};

/** The bot, a version of its DRAFT, the `live` alias on it, and Lex's right to invoke the dialog function through that alias only. */
export class ChatBot extends Construct {
  readonly botId: string;
  readonly botAliasId: string;
  /** `arn:…:lex:…:bot-alias/<botId>/<botAliasId>`: what RecognizeText callers are granted and what may invoke the dialog function. */
  readonly botAliasArn: string;

  constructor(scope: Construct, id: string, { botName, definition, dialogFunction }: ChatBotProps) {
    super(scope, id);
    const locale = lexBotLocale(definition);

    // Lex requires a runtime role. The bot is text-only, with no sentiment analysis and no conversation logs, so it needs no permissions.
    const runtimeRole = new iam.Role(this, 'RuntimeRole', {
      assumedBy: new iam.ServicePrincipal(LEX_SERVICE_PRINCIPAL),
      description: `Runtime role of the ${botName} Lex bot (text only: no permissions needed)`,
    });

    const bot = new lex.CfnBot(this, 'Bot', {
      name: botName,
      description: definition.description,
      roleArn: runtimeRole.roleArn,
      dataPrivacy: { ChildDirected: false }, // untyped in the L1, so CloudFormation's own casing (STACK.md)
      idleSessionTtlInSeconds: definition.idleSessionTtlSeconds,
      autoBuildBotLocales: true, // otherwise the locale is never built and the version below has nothing to snapshot
      botLocales: [locale],
    });

    // A BotVersion snapshots DRAFT only when it is created, so its logical id carries a fingerprint of the locale: a changed definition publishes a new version.
    const version = new lex.CfnBotVersion(this, `Version${fingerprint(locale)}`, {
      botId: bot.attrId,
      botVersionLocaleSpecification: [{ localeId: locale.localeId, botVersionLocaleDetails: { sourceBotVersion: 'DRAFT' } }],
    });

    const alias = new lex.CfnBotAlias(this, 'LiveAlias', {
      botId: bot.attrId,
      botAliasName: LIVE_ALIAS_NAME,
      botVersion: version.attrBotVersion,
      botAliasLocaleSettings: [
        {
          localeId: locale.localeId,
          botAliasLocaleSetting: {
            enabled: true,
            codeHookSpecification: {
              lambdaCodeHook: { codeHookInterfaceVersion: CODE_HOOK_INTERFACE_VERSION, lambdaArn: dialogFunction.functionArn },
            },
          },
        },
      ],
    });

    this.botId = bot.attrId;
    this.botAliasId = alias.attrBotAliasId;
    this.botAliasArn = Stack.of(this).formatArn({
      service: 'lex',
      resource: 'bot-alias',
      resourceName: `${this.botId}/${this.botAliasId}`,
    });

    // In this scope rather than dialogFunction.addPermission, which silently does nothing for an imported function.
    new lambda.CfnPermission(this, 'DialogFunctionInvokedByLex', {
      functionName: dialogFunction.functionArn,
      action: 'lambda:InvokeFunction',
      principal: LEX_SERVICE_PRINCIPAL,
      sourceArn: this.botAliasArn,
    });
  }

  /** Lets `grantee` hold conversations through the `live` alias; RecognizeText is the only runtime call the API makes (api/routes/chat.ts). */
  grantRecognizeText(grantee: iam.IGrantable): iam.Grant {
    return iam.Grant.addToPrincipal({ grantee, actions: ['lex:RecognizeText'], resourceArns: [this.botAliasArn] });
  }
}

/** A short, stable hash of the locale's CloudFormation properties. */
function fingerprint(locale: lex.CfnBot.BotLocaleProperty): string {
  return createHash('sha256').update(JSON.stringify(locale)).digest('hex').slice(0, 12);
}
