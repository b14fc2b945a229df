/**
 * Live events on AWS, speaking the same client protocol as the local `/ws`: a WebSocket API whose
 * `$connect` is guarded by a token authorizer (the token comes in the query string: browsers cannot
 * set headers on a WebSocket), routes kept in the connections table, and an EventBridge rule that
 * sends our state machines' status changes to one function, which pushes them to the connections
 * that subscribed and may read the workflow, and cancels the approvals of runs that ended.
 */
import { RemovalPolicy } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { WebSocketLambdaAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { WebSocketLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { acknowledge, acknowledgeWildcardResource } from '../nag/acknowledge';
import { STATUS_CHANGE_DETAIL_TYPE } from '../../api/live/status-change-event';

export type LiveEventsProps = {
  prefix: string;
  authorizerFunction: lambda.Function;
  routesFunction: lambda.Function;
  statusFunction: lambda.Function;
  /** The state machines whose status changes are pushed. */
  stateMachineArns: string[];
};

/** The query string parameter that carries the bearer token on `$connect`. */
export const TOKEN_QUERY_PARAMETER = 'token';

export class LiveEvents extends Construct {
  readonly webSocketApi: apigw.WebSocketApi;
  readonly stage: apigw.WebSocketStage;

  constructor(
    scope: Construct,
    id: string,
    { prefix, authorizerFunction, routesFunction, statusFunction, stateMachineArns }: LiveEventsProps,
  ) {
    super(scope, id);
    const routes = new WebSocketLambdaIntegration('Routes', routesFunction);
    this.webSocketApi = new apigw.WebSocketApi(this, 'Socket', {
      apiName: `${prefix}live`,
      connectRouteOptions: {
        integration: routes,
        authorizer: new WebSocketLambdaAuthorizer('Token', authorizerFunction, {
          identitySource: [`route.request.querystring.${TOKEN_QUERY_PARAMETER}`],
        }),
      },
      disconnectRouteOptions: { integration: routes },
      defaultRouteOptions: { integration: routes },
    });
    const accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.stage = new apigw.WebSocketStage(this, 'Stage', {
      webSocketApi: this.webSocketApi,
      stageName: 'live',
      autoDeploy: true,
      throttle: { rateLimit: 50, burstLimit: 100 },
      accessLogSettings: { destination: new apigw.LogGroupLogDestination(accessLogs) },
    });
    // API Gateway runs a WebSocket authorizer on $connect only; later messages belong to the connection it accepted.
    for (const route of ['$disconnect', '$default']) {
      const found = this.webSocketApi.node.tryFindChild(`${route}-Route`);
      if (found)
        acknowledge(
          found,
          'AwsSolutions-APIG4',
          'WebSocket authorizers run on $connect only; the routes check the connection the authorizer accepted (and its token expiry) on every message',
        );
    }
    // The routes function answers on the connection the event names, so only the status function,
    // which is invoked by EventBridge, needs the callback URL (giving it to both makes a cycle).
    statusFunction.addEnvironment('WEBSOCKET_CALLBACK_URL', this.stage.callbackUrl);
    for (const fn of [routesFunction, statusFunction]) {
      this.webSocketApi.grantManageConnections(fn);
      if (fn.role)
        acknowledgeWildcardResource(
          fn.role,
          this.webSocketApi.arnForExecuteApiV2('*', '*') + '/@connections/*',
          'Connection ids are assigned by API Gateway when a client connects, so the connections of this one API is the narrowest resource',
        );
    }
    new events.Rule(this, 'StatusChanges', {
      description: 'Status changes of the Statecraft state machines, for live events and approval clean-up',
      eventPattern: { source: ['aws.states'], detailType: [STATUS_CHANGE_DETAIL_TYPE], detail: { stateMachineArn: stateMachineArns } },
      targets: [new targets.LambdaFunction(statusFunction, { retryAttempts: 4 })],
    });
  }

  /** The URL the console connects to (wss://…/live). */
  get url(): string {
    return this.stage.url;
  }
}
