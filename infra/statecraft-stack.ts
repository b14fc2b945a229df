/**
 * Statecraft on AWS, one stack per stage: the catalogue's workflows as Step Functions state
 * machines, the product's tables, the REST API and live events, the chatbot, the console and the
 * user directory. Every function is given exactly the tables, state machines and calls it makes.
 */
import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import { knownGroups } from '../api/access/known-groups';
import { compileEntries } from '../api/catalogue/compile-catalogue';
import { APPROVAL_STORE_ACTIONS } from '../api/approvals/approval-store';
import { DEFAULT_LEX_LOCALE_ID } from '../api/config';
import { RUN_LEDGER_ACTIONS } from '../api/ledger/run-ledger';
import { CHAT_SESSION_STORE_ACTIONS } from '../bot/dialog/chat-session-store';
import { statecraftBot, STATECRAFT_BOT_NAME } from '../bot/definition/statecraft-bot';
import { compile, type Workflow } from '../workflows/dsl';
import { PRODUCT_FUNCTIONS } from './bundle/deployed-functions';
import type { BundledFunction } from './bundle/bundle-functions';
import { bundledFunction } from './constructs/bundled-function';
import { ChatBot } from './constructs/chat-bot';
import { ConsoleSite } from './constructs/console-site';
import { DataTables } from './constructs/data-tables';
import { LiveEvents } from './constructs/live-events';
import { RestApi } from './constructs/rest-api';
import { UserDirectory } from './constructs/user-directory';
import { acknowledgeExecutionWildcards, WorkflowMachines } from './constructs/workflow-machines';
import type { Stage } from './stage';

export type StatecraftStackProps = StackProps & {
  stage: Stage;
  workflows: readonly Workflow[];
  /** Every bundled function by name (infra/bundle). */
  bundles: ReadonlyMap<string, BundledFunction>;
  /** The built console (web/dist). */
  webDir: string;
  /** Keep the tables and the user pool when the stack is destroyed (the default). */
  keepData?: boolean;
};

/** The stack's outputs, by the names `make deploy` prints. */
export const OUTPUTS = [
  'ConsoleUrl',
  'ApiUrl',
  'WebSocketUrl',
  'UserPoolId',
  'ConsoleClientId',
  'HostedUiUrl',
  'BotId',
  'BotAliasId',
] as const;

export class StatecraftStack extends Stack {
  constructor(scope: Construct, id: string, props: StatecraftStackProps) {
    super(scope, id, props);
    const { stage, workflows, bundles, webDir, keepData = true } = props;
    const { prefix } = stage;
    const bundle = (name: string): BundledFunction => {
      const found = bundles.get(name);
      if (!found) throw new Error(`no bundle for the function '${name}': run the bundler first (make deploy does)`);
      return found;
    };
    const compiled = workflows.map((workflow) => compile(workflow));

    const tables = new DataTables(this, 'Data', { stage, keepData });
    const site = new ConsoleSite(this, 'Console', { prefix });
    const users = new UserDirectory(this, 'Auth', {
      prefix,
      groups: knownGroups(compileEntries(workflows)),
      consoleUrl: site.url,
      keepData,
    });

    const environment: Record<string, string> = {
      SFN_ENDPOINT: 'aws',
      DYNAMODB_ENDPOINT: 'aws',
      LEX_ENDPOINT: 'aws',
      STATECRAFT_ACCOUNT_ID: this.account,
      STATE_MACHINE_PREFIX: prefix,
      ...tables.environment(),
      ...users.environment(),
    };
    const product = (name: string, options: { memorySize?: number; timeout?: Duration } = {}) =>
      bundledFunction(this, `Fn-${name}`, { bundle: bundle(name), prefix, environment, ...options });

    const approvalRequest = product(PRODUCT_FUNCTIONS.approvalRequest);
    const machines = new WorkflowMachines(this, 'Workflows', {
      prefix,
      workflows: compiled,
      taskBundles: new Map(compiled.flatMap((each) => [...each.functions.keys()]).map((name) => [name, bundle(name)])),
      productFunctions: new Map([[PRODUCT_FUNCTIONS.approvalRequest, approvalRequest]]),
      tables: tables.workflowTables,
    });
    const stateMachineArns = compiled.map((each) => machines.stateMachineArnOf(each.name));
    const executionArns = compiled.map((each) => machines.executionsArnOf(each.name));

    // The approval request stores the pending approval and reads who started the run (and its parent's).
    tables.grant(approvalRequest, tables.approvals, ['dynamodb:GetItem', 'dynamodb:PutItem']);
    tables.grant(approvalRequest, tables.runs, ['dynamodb:GetItem']);
    approvalRequest.addToRolePolicy(new iam.PolicyStatement({ actions: ['states:DescribeExecution'], resources: executionArns }));

    // The API and the chat both start, read, stop, redrive and decide runs, as the caller's access allows.
    const api = product(PRODUCT_FUNCTIONS.api, { memorySize: 1024, timeout: Duration.seconds(29) });
    const dialog = product(PRODUCT_FUNCTIONS.dialog, { timeout: Duration.seconds(10) });
    for (const fn of [api, dialog]) {
      fn.addToRolePolicy(
        new iam.PolicyStatement({ actions: ['states:StartExecution', 'states:ListExecutions'], resources: stateMachineArns }),
      );
      fn.addToRolePolicy(
        new iam.PolicyStatement({
          actions: ['states:DescribeExecution', 'states:GetExecutionHistory', 'states:StopExecution', 'states:RedriveExecution'],
          resources: executionArns,
        }),
      );
      // Task tokens are answered on the state machine that issued them.
      for (const machine of machines.stateMachines.values()) machine.grantTaskResponse(fn);
      tables.grant(fn, tables.approvals, APPROVAL_STORE_ACTIONS);
      tables.grant(fn, tables.runs, RUN_LEDGER_ACTIONS);
    }
    tables.grant(dialog, tables.chatSessions, CHAT_SESSION_STORE_ACTIONS);
    for (const fn of [approvalRequest, api, dialog]) acknowledgeExecutionWildcards(roleOf(fn), executionArns);

    const bot = new ChatBot(this, 'Bot', {
      botName: `${prefix}${STATECRAFT_BOT_NAME}`,
      definition: statecraftBot(workflows),
      dialogFunction: dialog,
    });
    bot.grantRecognizeText(api);
    api.addEnvironment('LEX_BOT_ID', bot.botId);
    api.addEnvironment('LEX_BOT_ALIAS_ID', bot.botAliasId);
    api.addEnvironment('LEX_LOCALE_ID', DEFAULT_LEX_LOCALE_ID);

    const restApi = new RestApi(this, 'Api', {
      prefix,
      apiFunction: api,
      issuer: users.issuer,
      audience: users.consoleClient.userPoolClientId,
      consoleUrl: site.url,
    });

    const liveAuthorizer = product(PRODUCT_FUNCTIONS.liveAuthorizer, { timeout: Duration.seconds(10) });
    const liveRoutes = product(PRODUCT_FUNCTIONS.liveRoutes, { timeout: Duration.seconds(10) });
    const liveStatus = product(PRODUCT_FUNCTIONS.liveStatus, { timeout: Duration.seconds(60) });
    const live = new LiveEvents(this, 'Live', {
      prefix,
      authorizerFunction: liveAuthorizer,
      routesFunction: liveRoutes,
      statusFunction: liveStatus,
      stateMachineArns,
    });
    tables.grant(liveRoutes, tables.connections, ['dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem']);
    tables.grant(liveStatus, tables.connections, ['dynamodb:DeleteItem', 'dynamodb:Scan']);
    tables.grant(liveStatus, tables.approvals, ['dynamodb:Scan', 'dynamodb:UpdateItem']);

    site.deploy(webDir, {
      auth: { mode: 'cognito', domain: users.hostedUiUrl, clientId: users.consoleClient.userPoolClientId },
      apiUrl: restApi.url,
      webSocketUrl: live.url,
    });

    const output = (name: (typeof OUTPUTS)[number], value: string, description: string) =>
      new CfnOutput(this, name, { value, description });
    output('ConsoleUrl', site.url, 'The web console');
    output('ApiUrl', restApi.url, 'The REST API (bearer token from the user pool)');
    output('WebSocketUrl', live.url, 'Live events (?token=)');
    output('UserPoolId', users.userPool.userPoolId, 'Add users and put them in groups here');
    output('ConsoleClientId', users.consoleClient.userPoolClientId, "The console's app client");
    output('HostedUiUrl', users.hostedUiUrl, 'The Cognito hosted UI');
    output('BotId', bot.botId, 'The Lex V2 bot');
    output('BotAliasId', bot.botAliasId, "The bot's live alias");
  }
}

function roleOf(fn: lambda.Function): iam.IRole {
  if (!fn.role) throw new Error(`${fn.node.path} has no role`);
  return fn.role;
}
