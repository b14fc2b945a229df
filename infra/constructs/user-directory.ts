/**
 * Who may sign in: a Cognito user pool with the groups the access rule names (the global roles and
 * every approver group of the catalogue), a sound password policy, threat protection, and the
 * console's app client (authorization code with PKCE, no secret: it runs in the browser).
 */
import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

export type UserDirectoryProps = {
  prefix: string;
  /** The groups to create. */
  groups: readonly string[];
  /** The console's origin (https://…), registered as the callback and sign-out URL. */
  consoleUrl: string;
  keepData: boolean;
};

export class UserDirectory extends Construct {
  readonly userPool: cognito.UserPool;
  readonly consoleClient: cognito.UserPoolClient;
  readonly hostedUiUrl: string;

  constructor(scope: Construct, id: string, { prefix, groups, consoleUrl, keepData }: UserDirectoryProps) {
    super(scope, id);
    this.userPool = new cognito.UserPool(this, 'Users', {
      userPoolName: `${prefix}users`,
      selfSignUpEnabled: false,
      signInAliases: { username: true, email: true },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      // People here start and approve production runs: a second factor (an authenticator app) is required, set up at first sign-in.
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      removalPolicy: keepData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    groups.forEach(
      (group) =>
        new cognito.CfnUserPoolGroup(this, `Group-${group}`, {
          userPoolId: this.userPool.userPoolId,
          groupName: group,
          description: `Statecraft group ${group}`,
        }),
    );
    const callback = `${consoleUrl}/`;
    this.consoleClient = this.userPool.addClient('Console', {
      userPoolClientName: `${prefix}console`,
      generateSecret: false,
      preventUserExistenceErrors: true,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
        callbackUrls: [callback],
        logoutUrls: [callback],
      },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(1),
    });
    const domain = this.userPool.addDomain('HostedUi', { cognitoDomain: { domainPrefix: `${prefix}${Stack.of(this).account}` } });
    this.hostedUiUrl = domain.baseUrl();
  }

  /** The issuer of the pool's tokens (the JWT authorizer and the API verify it). */
  get issuer(): string {
    return `https://cognito-idp.${Stack.of(this).region}.amazonaws.com/${this.userPool.userPoolId}`;
  }

  /** The environment the API reads to verify tokens (api/config.ts). */
  environment(): Record<string, string> {
    return {
      AUTH_MODE: 'cognito',
      COGNITO_ISSUER: this.issuer,
      COGNITO_JWKS_URL: `${this.issuer}/.well-known/jwks.json`,
      COGNITO_AUDIENCE: this.consoleClient.userPoolClientId,
    };
  }
}
