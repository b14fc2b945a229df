/**
 * The synthesized stack is what `make deploy` sends to CloudFormation: these tests read it as
 * CloudFormation will (no network, no credentials).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { statecraftBot } from '../../bot/definition/statecraft-bot';
import type { BundledFunction } from '../../infra/bundle/bundle-functions';
import { PRODUCT_FUNCTIONS } from '../../infra/bundle/deployed-functions';
import type { WorkflowMachines } from '../../infra/constructs/workflow-machines';
import { stageOf } from '../../infra/stage';
import { statecraftApp } from '../../infra/statecraft-app';
import { OUTPUTS, type StatecraftStack } from '../../infra/statecraft-stack';
import { checkConsoleConfig } from '../../web/src/config/console-config';
import { catalogue } from '../../workflows/definitions';
import { compile } from '../../workflows/dsl';
import { sharedBundles } from '../helpers/shared-bundles';

type Resource = { Type: string; Properties: Record<string, unknown>; DependsOn?: string | string[] };
type Statement = { Effect: string; Action: string | string[]; Resource: unknown };

const stage = stageOf({ STAGE: 'test' });
/**
 * Without the validateAgainstDefaultRules context CDK's built-in CloudFormation validation (a WASM linter, ~10 s of
 * CPU per process) only warns, so it asserts nothing here; `make synth` runs it with errors failing the synth, and
 * chat-bot.int.test.ts runs it on the bot. cdk-nag still checks every synth below.
 */
const QUIET_SYNTH = { builtinCloudFormationValidation: false };
let outDir: string;
let bundles: BundledFunction[];
let stack: StatecraftStack;
let template: Template;
let resources: Record<string, Resource>;

beforeAll(async () => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'statecraft-stack-'));
  bundles = await sharedBundles();
  const webDir = path.join(outDir, 'web');
  fs.mkdirSync(webDir);
  fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>Statecraft</title>');
  ({ stack } = statecraftApp({ stage, bundles, webDir, appProps: { ...QUIET_SYNTH, outdir: path.join(outDir, 'cdk.out') } }));
  template = Template.fromStack(stack);
  resources = template.toJSON().Resources as Record<string, Resource>;
}, 120_000);

afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

const ofType = (type: string) => Object.entries(resources).filter(([, resource]) => resource.Type === type);
const functionNamed = (name: string) => {
  const found = ofType('AWS::Lambda::Function').find(([, fn]) => fn.Properties.FunctionName === `${stage.prefix}${name}`);
  if (!found) throw new Error(`no function ${stage.prefix}${name}`);
  return found;
};
/** The policy statements attached to the role of the function `name`. */
const statementsOf = (name: string): Statement[] => {
  const [, fn] = functionNamed(name);
  const roleId = (fn.Properties.Role as { 'Fn::GetAtt': [string] })['Fn::GetAtt'][0];
  return ofType('AWS::IAM::Policy')
    .filter(([, policy]) => (policy.Properties.Roles as { Ref: string }[]).some((role) => role.Ref === roleId))
    .flatMap(([, policy]) => (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
};
const actionsOf = (statement: Statement) => [statement.Action].flat();
const resourcesOf = (statement: Statement) => [statement.Resource].flat();

describe('the workflows', () => {
  it('makes one Standard state machine per catalogue workflow from exactly its compiled ASL, logged and traced', () => {
    const machines = ofType('AWS::StepFunctions::StateMachine');
    expect(machines.map(([, machine]) => machine.Properties.StateMachineName).sort()).toEqual(
      catalogue.map((workflow) => `${stage.prefix}${workflow.name}`).sort(),
    );
    for (const workflow of catalogue) {
      const [, machine] = machines.find(([, candidate]) => candidate.Properties.StateMachineName === `${stage.prefix}${workflow.name}`)!;
      expect(JSON.parse(machine.Properties.DefinitionString as string)).toEqual(compile(workflow).definition);
      expect(machine.Properties.StateMachineType).toBe('STANDARD');
      expect(machine.Properties.TracingConfiguration).toEqual({ Enabled: true });
      expect(machine.Properties.LoggingConfiguration).toMatchObject({ Level: 'ALL', IncludeExecutionData: true });
    }
  });

  it('fills every placeholder: fn() tasks with their own function, the approval step with the approval-request function, tables and child workflows', () => {
    const workflows = stack.node.findChild('Workflows') as WorkflowMachines;
    for (const workflow of catalogue) {
      const compiled = compile(workflow);
      const [, machine] = ofType('AWS::StepFunctions::StateMachine').find(
        ([, candidate]) => candidate.Properties.StateMachineName === `${stage.prefix}${workflow.name}`,
      )!;
      const filled = machine.Properties.DefinitionSubstitutions as Record<string, unknown>;
      expect(Object.keys(filled).sort()).toEqual(Object.keys(compiled.substitutions).sort());
      for (const [placeholder, substitution] of Object.entries(compiled.substitutions)) {
        if (substitution.type === 'function') {
          const fn = workflows.taskFunctions.get(substitution.functionName);
          const expectedId = fn ? stack.getLogicalId(fn.node.defaultChild as never) : functionNamed(substitution.functionName)[0];
          expect(filled[placeholder]).toEqual({ 'Fn::GetAtt': [expectedId, 'Arn'] });
          expect(resources[expectedId].Properties.FunctionName).toBe(`${stage.prefix}${substitution.functionName}`);
        } else if (substitution.type === 'table') {
          const tableId = (filled[placeholder] as { Ref: string }).Ref;
          expect(resources[tableId].Properties.TableName).toBe(`${stage.prefix}${substitution.table}`);
        } else {
          expect(JSON.stringify(filled[placeholder])).toContain(`:stateMachine:${stage.prefix}${substitution.workflow}"`);
        }
      }
    }
  });

  it('lets each state machine invoke only the functions its Tasks name', () => {
    const workflows = stack.node.findChild('Workflows') as WorkflowMachines;
    const refund = workflows.stateMachines.get('refund-request')!;
    const roleId = stack.getLogicalId(refund.role.node.defaultChild as never);
    const statements = ofType('AWS::IAM::Policy')
      .filter(([, policy]) => (policy.Properties.Roles as { Ref: string }[]).some((role) => role.Ref === roleId))
      .flatMap(([, policy]) => (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
    const invoked = statements.filter((statement) => actionsOf(statement).includes('lambda:InvokeFunction')).flatMap(resourcesOf);
    const expected = [
      ...compile(catalogue.find((workflow) => workflow.name === 'refund-request')!).functions.keys(),
      PRODUCT_FUNCTIONS.approvalRequest,
    ].map((name) => ({ 'Fn::GetAtt': [functionNamed(name)[0], 'Arn'] }));
    expect(invoked).toEqual(expect.arrayContaining(expected));
    expect(invoked).toHaveLength(expected.length);
  });

  it('deploys one function per fn() handler and per product function, each from its own bundle', () => {
    const names = ofType('AWS::Lambda::Function')
      .map(([, fn]) => fn.Properties.FunctionName as string)
      .filter((name) => name?.startsWith(stage.prefix));
    expect(names.sort()).toEqual(bundles.map((bundle) => `${stage.prefix}${bundle.name}`).sort());
    for (const [, fn] of ofType('AWS::Lambda::Function').filter(([, candidate]) =>
      (candidate.Properties.FunctionName as string | undefined)?.startsWith(stage.prefix),
    )) {
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs22.x',
        Handler: 'index.handler',
        Architectures: ['arm64'],
        TracingConfig: { Mode: 'Active' },
      });
    }
  });

  it("publishes a version of each state machine's current revision, retained when replaced, with its live alias on it", () => {
    const workflows = stack.node.findChild('Workflows') as WorkflowMachines;
    const versions = ofType('AWS::StepFunctions::StateMachineVersion');
    expect(versions).toHaveLength(catalogue.length);
    for (const workflow of catalogue) {
      const machineId = stack.getLogicalId(workflows.stateMachines.get(workflow.name)!.node.defaultChild as never);
      const [versionId, version] = versions.find(
        ([, candidate]) => (candidate.Properties.StateMachineArn as { Ref: string }).Ref === machineId,
      )!;
      const alias = resources[stack.getLogicalId(workflows.liveAliases.get(workflow.name)!)];
      expect(version.Properties.StateMachineRevisionId).toEqual({ 'Fn::GetAtt': [machineId, 'StateMachineRevisionId'] });
      expect(version).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
      expect(alias.Properties).toMatchObject({
        Name: 'live',
        RoutingConfiguration: [{ StateMachineVersionArn: { 'Fn::GetAtt': [versionId, 'Arn'] }, Weight: 100 }],
      });
    }
  });
});

describe('the data', () => {
  it('keeps every table encrypted, with point-in-time recovery, and expires chat sessions and connections by TTL', () => {
    const tables = ofType('AWS::DynamoDB::Table');
    expect(tables.length).toBeGreaterThanOrEqual(4);
    for (const [, table] of tables) {
      expect(table.Properties.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
      expect(table.Properties.SSESpecification).toEqual({ SSEEnabled: true });
    }
    for (const name of ['chat-sessions', 'live-connections']) {
      const [, table] = tables.find(([, candidate]) => candidate.Properties.TableName === `${stage.prefix}${name}`)!;
      expect(table.Properties.TimeToLiveSpecification).toEqual({ AttributeName: 'expiresAt', Enabled: true });
    }
  });

  it('keeps the tables and users when the stack is destroyed, by default', () => {
    for (const [, table] of ofType('AWS::DynamoDB::Table')) expect(table).toMatchObject({ DeletionPolicy: 'Retain' });
    for (const [, pool] of ofType('AWS::Cognito::UserPool')) expect(pool).toMatchObject({ DeletionPolicy: 'Retain' });
  });
});

describe('the APIs', () => {
  it('puts the Cognito JWT authorizer on every HTTP route but the health check', () => {
    const [httpApiId] = ofType('AWS::ApiGatewayV2::Api').find(([, api]) => api.Properties.ProtocolType === 'HTTP')!;
    const routes = ofType('AWS::ApiGatewayV2::Route').filter(([, route]) => (route.Properties.ApiId as { Ref: string }).Ref === httpApiId);
    expect(routes.map(([, route]) => route.Properties.RouteKey).sort()).toEqual([
      'GET /api/health',
      'GET /api/{proxy+}',
      'POST /api/{proxy+}',
    ]);
    const [authorizerId, authorizer] = ofType('AWS::ApiGatewayV2::Authorizer').find(
      ([, candidate]) => candidate.Properties.AuthorizerType === 'JWT',
    )!;
    expect(JSON.stringify(authorizer.Properties.JwtConfiguration)).toContain('cognito-idp.');
    for (const [, route] of routes) {
      if (route.Properties.RouteKey === 'GET /api/health') expect(route.Properties.AuthorizationType ?? 'NONE').toBe('NONE');
      else expect(route.Properties).toMatchObject({ AuthorizationType: 'JWT', AuthorizerId: { Ref: authorizerId } });
    }
  });

  it("guards the WebSocket's $connect with the token authorizer reading ?token=", () => {
    const [socketId] = ofType('AWS::ApiGatewayV2::Api').find(([, api]) => api.Properties.ProtocolType === 'WEBSOCKET')!;
    const routes = ofType('AWS::ApiGatewayV2::Route').filter(([, route]) => (route.Properties.ApiId as { Ref: string }).Ref === socketId);
    expect(routes.map(([, route]) => route.Properties.RouteKey).sort()).toEqual(['$connect', '$default', '$disconnect']);
    const [, connect] = routes.find(([, route]) => route.Properties.RouteKey === '$connect')!;
    const authorizer = resources[(connect.Properties.AuthorizerId as { Ref: string }).Ref];
    expect(connect.Properties.AuthorizationType).toBe('CUSTOM');
    expect(authorizer.Properties).toMatchObject({ AuthorizerType: 'REQUEST', IdentitySource: ['route.request.querystring.token'] });
    expect(JSON.stringify(authorizer.Properties.AuthorizerUri)).toContain(functionNamed(PRODUCT_FUNCTIONS.liveAuthorizer)[0]);
  });

  it('sends the status changes of our state machines, and only those, to the live-status function', () => {
    const [, rule] = ofType('AWS::Events::Rule').find(([, candidate]) =>
      JSON.stringify(candidate.Properties.EventPattern).includes('Step Functions Execution Status Change'),
    )!;
    const pattern = rule.Properties.EventPattern as { source: string[]; detail: { stateMachineArn: unknown[] } };
    expect(pattern.source).toEqual(['aws.states']);
    expect(pattern.detail.stateMachineArn).toHaveLength(catalogue.length);
    expect(JSON.stringify(rule.Properties.Targets)).toContain(functionNamed(PRODUCT_FUNCTIONS.liveStatus)[0]);
  });
});

describe('the bot', () => {
  it('emits the intents of bot/definition, and the live alias calls the dialog function, which only Lex through that alias may invoke', () => {
    const [botId, bot] = ofType('AWS::Lex::Bot')[0];
    const [locale] = bot.Properties.BotLocales as { Intents: { Name: string }[] }[];
    expect(locale.Intents.map((intent) => intent.Name).sort()).toEqual(
      statecraftBot(catalogue)
        .intents.map((intent) => intent.name)
        .sort(),
    );
    const [aliasId, alias] = ofType('AWS::Lex::BotAlias')[0];
    expect(alias.Properties.BotId).toEqual({ 'Fn::GetAtt': [botId, 'Id'] });
    const [dialogId] = functionNamed(PRODUCT_FUNCTIONS.dialog);
    expect(JSON.stringify(alias.Properties.BotAliasLocaleSettings)).toContain(JSON.stringify({ 'Fn::GetAtt': [dialogId, 'Arn'] }));
    const permissions = ofType('AWS::Lambda::Permission').filter(
      ([, permission]) => permission.Properties.Principal === 'lexv2.amazonaws.com',
    );
    expect(permissions).toHaveLength(1);
    expect(JSON.stringify(permissions[0][1].Properties.SourceArn)).toContain(aliasId);
  });

  it('lets only the API call RecognizeText', () => {
    const holders = bundles
      .map((bundle) => bundle.name)
      .filter((name) => statementsOf(name).some((statement) => actionsOf(statement).some((action) => action.startsWith('lex:'))));
    expect(holders).toEqual([PRODUCT_FUNCTIONS.api]);
  });
});

describe('least privilege', () => {
  it('grants states:SendTask* only to the functions that decide approvals, and never on *', () => {
    const holders = bundles
      .map((bundle) => bundle.name)
      .filter((name) =>
        statementsOf(name).some((statement) => actionsOf(statement).some((action) => action.startsWith('states:SendTask'))),
      );
    expect(holders.sort()).toEqual([PRODUCT_FUNCTIONS.api, PRODUCT_FUNCTIONS.dialog].sort());
    for (const [, policy] of ofType('AWS::IAM::Policy')) {
      for (const statement of (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement) {
        if (actionsOf(statement).some((action) => action.startsWith('states:SendTask'))) expect(resourcesOf(statement)).not.toContain('*');
      }
    }
  });

  it("allows on Resource '*' only the X-Ray and log-delivery actions that have no narrower resource", () => {
    const unscopable =
      /^(xray:(PutTraceSegments|PutTelemetryRecords|GetSamplingRules|GetSamplingTargets)|logs:(CreateLogDelivery|GetLogDelivery|UpdateLogDelivery|DeleteLogDelivery|ListLogDeliveries|PutResourcePolicy|DescribeResourcePolicies|DescribeLogGroups))$/;
    for (const [id, policy] of ofType('AWS::IAM::Policy')) {
      if (id.startsWith('CustomCDKBucketDeployment')) continue; // aws-cdk-lib's own deployment role (acknowledged, test below)
      for (const statement of (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement) {
        if (resourcesOf(statement).includes('*'))
          expect({ id, actions: actionsOf(statement).filter((action) => !unscopable.test(action)) }).toEqual({ id, actions: [] });
      }
    }
  });

  it('gives no role of ours a managed policy', () => {
    // aws-cdk-lib's own custom resources (the console upload, emptying the buckets on destroy) bring theirs.
    const ours = ofType('AWS::IAM::Role').filter(([id]) => !id.startsWith('Custom'));
    expect(ours.length).toBeGreaterThan(bundles.length);
    for (const [id, role] of ours) expect({ id, managed: role.Properties.ManagedPolicyArns }).toEqual({ id, managed: undefined });
  });

  it('has no cdk-nag AwsSolutions finding left unacknowledged', () => {
    const report = new AwsSolutionsChecks().validateScope(stack);
    expect(
      report.violations.map(
        (violation) => `${violation.ruleName} on ${violation.violatingResources.map((resource) => resource.constructPath).join(', ')}`,
      ),
    ).toEqual([]);
  });
});

describe('the template', () => {
  it('has no dependency cycle CloudFormation would refuse', () => {
    const edges = new Map<string, Set<string>>();
    const collect = (from: string, value: unknown): void => {
      if (Array.isArray(value)) return value.forEach((each) => collect(from, each));
      if (!value || typeof value !== 'object') return;
      for (const [key, inner] of Object.entries(value)) {
        if (key === 'Ref' && typeof inner === 'string' && resources[inner]) edges.get(from)!.add(inner);
        else if (key === 'Fn::GetAtt' && Array.isArray(inner) && resources[inner[0] as string]) edges.get(from)!.add(inner[0] as string);
        else collect(from, inner);
      }
    };
    for (const [id, resource] of Object.entries(resources)) {
      edges.set(id, new Set([resource.DependsOn ?? []].flat()));
      collect(id, resource.Properties);
    }
    const state = new Map<string, 'visiting' | 'done'>();
    const cycleFrom = (id: string, trail: string[]): string[] | undefined => {
      if (state.get(id) === 'done') return undefined;
      if (state.get(id) === 'visiting') return [...trail, id];
      state.set(id, 'visiting');
      for (const next of edges.get(id) ?? []) {
        const cycle = cycleFrom(next, [...trail, id]);
        if (cycle) return cycle;
      }
      state.set(id, 'done');
      return undefined;
    };
    for (const id of edges.keys()) expect(cycleFrom(id, [])).toBeUndefined();
  });

  it('outputs what a person needs after the deploy', () => {
    expect(Object.keys(template.toJSON().Outputs)).toEqual(expect.arrayContaining([...OUTPUTS]));
  });

  it("writes the console's config.json with the hosted UI, the API and the WebSocket, all filled in at deploy time", () => {
    const [, deployment] = ofType('Custom::CDKBucketDeployment')[0];
    const markers = (deployment.Properties.SourceMarkers as Record<string, unknown>[]).find((each) => Object.keys(each).length > 0)!;
    const assetDir = fs
      .readdirSync(path.join(outDir, 'cdk.out'))
      .find((entry) => fs.existsSync(path.join(outDir, 'cdk.out', entry, 'config.json')))!;
    // What CloudFormation puts in for each marker at deploy time, spelled as a sample value.
    const sample = (token: unknown): string => {
      const { Ref, 'Fn::GetAtt': getAtt } = token as { Ref?: string; 'Fn::GetAtt'?: [string, string] };
      if (Ref === 'AWS::Region') return 'eu-west-1';
      if (Ref === 'AWS::URLSuffix') return 'amazonaws.com';
      if (getAtt?.[1] === 'ApiEndpoint') return `https://${getAtt[0]}.execute-api.eu-west-1.amazonaws.com`;
      return `ref-${Ref ?? getAtt?.join('.')}`;
    };
    const raw = fs.readFileSync(path.join(outDir, 'cdk.out', assetDir, 'config.json'), 'utf8');
    const config = checkConsoleConfig(JSON.parse(raw.replace(/<<marker:0xbaba:\d+>>/g, (marker) => sample(markers[marker]))));
    const hostedUiId = (resource: string) =>
      stack.getLogicalId(stack.node.findChild('Auth').node.findChild('Users').node.findChild(resource).node.defaultChild as never);
    expect(config.auth).toEqual({
      mode: 'cognito',
      domain: `https://ref-${hostedUiId('HostedUi')}.auth.eu-west-1.amazoncognito.com`,
      clientId: `ref-${hostedUiId('Console')}`,
    });
    expect(config.apiUrl).toMatch(/^https:\/\/ApiHttp\w+\.execute-api\.eu-west-1\.amazonaws\.com$/);
    expect(config.webSocketUrl).toMatch(/^wss:\/\/ref-LiveSocket\w+\.execute-api\.eu-west-1\.amazonaws\.com\/live$/);
  });

  it('names every resource of the stage with its prefix, so stages share an account', () => {
    const other = statecraftApp({
      stage: stageOf({ STAGE: 'prod' }),
      bundles,
      webDir: path.join(outDir, 'web'),
      appProps: { ...QUIET_SYNTH, outdir: path.join(outDir, 'cdk.out.prod') },
    });
    const names = JSON.stringify(Template.fromStack(other.stack).toJSON().Resources);
    expect(names).toContain('statecraft-prod-api');
    expect(names).not.toContain('statecraft-test-');
  });
});
