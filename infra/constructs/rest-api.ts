/**
 * The REST API on AWS: the same Express app as a Lambda (through @vendia/serverless-express)
 * behind an HTTP API. Every route needs a Cognito token checked by the JWT authorizer, except the
 * health check; the app verifies the token again (the one access rule reads its claims). CORS lets
 * only the console's origin call it from a browser.
 */
import { CfnOutput, Duration } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { acknowledge } from '../nag/acknowledge';

export type RestApiProps = {
  prefix: string;
  apiFunction: lambda.IFunction;
  /** The token issuer and the console's app client id (the audience of its ID tokens). */
  issuer: string;
  audience: string;
  consoleUrl: string;
};

/** The route that answers without a token. */
export const PUBLIC_ROUTE = '/api/health';

export class RestApi extends Construct {
  readonly httpApi: apigw.HttpApi;

  constructor(scope: Construct, id: string, { prefix, apiFunction, issuer, audience, consoleUrl }: RestApiProps) {
    super(scope, id);
    this.httpApi = new apigw.HttpApi(this, 'Http', {
      apiName: `${prefix}api`,
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: [consoleUrl],
        allowMethods: [apigw.CorsHttpMethod.GET, apigw.CorsHttpMethod.POST],
        allowHeaders: ['authorization', 'content-type', 'x-statecraft-channel', 'x-request-id'],
        exposeHeaders: ['x-request-id', 'location'],
        maxAge: Duration.hours(1),
      },
    });
    const accessLogs = new logs.LogGroup(this, 'AccessLogs', { retention: logs.RetentionDays.ONE_MONTH });
    new apigw.HttpStage(this, 'Stage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: 50, burstLimit: 100 },
      accessLogSettings: { destination: new apigw.LogGroupLogDestination(accessLogs) },
    });
    const integration = new HttpLambdaIntegration('App', apiFunction);
    const authorizer = new HttpJwtAuthorizer('Cognito', issuer, {
      jwtAudience: [audience],
      identitySource: ['$request.header.Authorization'],
    });
    const [health] = this.httpApi.addRoutes({ path: PUBLIC_ROUTE, methods: [apigw.HttpMethod.GET], integration });
    acknowledge(
      health,
      'AwsSolutions-APIG4',
      'The health check answers without a token by design (load balancers and uptime checks); it returns no data',
    );
    this.httpApi.addRoutes({ path: '/api/{proxy+}', methods: [apigw.HttpMethod.GET, apigw.HttpMethod.POST], integration, authorizer });
    new CfnOutput(this, 'Url', { value: this.url, description: 'The REST API' });
  }

  /** The API's base URL (no trailing slash). */
  get url(): string {
    return this.httpApi.apiEndpoint;
  }
}
