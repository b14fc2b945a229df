/** `deploy-service`: parallel build checks, staging and integration tests, approval, canary, bake, promote or roll back. */
import { workflow } from '../dsl';
import {
  buildImage,
  checkCanaryHealth,
  promoteRelease,
  releaseImage,
  rollBackRelease,
  runIntegrationTests,
  runLint,
  runSecurityScan,
  runUnitTests,
  type FailableCheck,
} from './handlers/deploy-service';

/**
 * A release of one service. `failTests` makes checks fail on purpose: `unit`, `lint` or
 * `security` fail the build checks, `integration` fails staging, `canary` fails the canary.
 */
export type DeployServiceInput = {
  service: string;
  version: string;
  commit: string;
  requestedBy: string;
  rollout: { canaryPercent: number; bakeSeconds: number };
  failTests: FailableCheck[];
};

/** A minor release of the checkout API with a 10% canary baked for 10 minutes. */
export const deployServiceExample: DeployServiceInput = {
  service: 'checkout-api',
  version: '2.14.0',
  commit: '9f3c2ab',
  requestedBy: 'dana.kim@example.com',
  rollout: { canaryPercent: 10, bakeSeconds: 600 },
  failTests: [],
};

/** A canary with a higher 5xx rate (%) than this is rolled back. */
const MAX_CANARY_ERROR_RATE = 1;

/** Releases a service through staging to a production canary, with a release manager's approval in between. */
export const deployService = workflow(
  'deploy-service',
  {
    description:
      'Runs unit tests, lint and a security scan in parallel, then ships the build through staging and its integration tests. Once a release manager approves, a production canary bakes and is promoted or rolled back on its health.',
    example: deployServiceExample,
    aliases: ['service deploy', 'deployment', 'deploy', 'release', 'service release'],
    timeout: '2d',
  },
  (start) =>
    start
      .parallel(
        'Build checks',
        [
          (b) => b.task('Unit tests', runUnitTests, { timeout: '15m', heartbeat: '1m' }),
          (b) => b.task('Lint', runLint, { timeout: '5m' }),
          (b) => b.task('Security scan', runSecurityScan, { timeout: '10m', heartbeat: '1m' }),
        ],
        { resultSelector: { 'unit.$': '$[0]', 'lint.$': '$[1]', 'security.$': '$[2]' }, resultPath: '$.checks' },
      )
      .catch(['States.ALL'], (b) => b.fail('Checks failed', { errorPath: '$.error.Error', causePath: '$.error.Cause' }), {
        resultPath: '$.error',
      })
      .task('Build image', buildImage, {
        parameters: { 'service.$': '$.service', 'version.$': '$.version', 'commit.$': '$.commit' },
        resultPath: '$.build',
        timeout: '20m',
        heartbeat: '2m',
      })
      .task('Deploy to staging', releaseImage, {
        parameters: { 'service.$': '$.service', 'version.$': '$.version', 'image.$': '$.build.Payload.image', environment: 'staging' },
        resultPath: '$.staging',
        timeout: '15m',
      })
      .task('Integration tests', runIntegrationTests, {
        parameters: { 'service.$': '$.service', 'baseUrl.$': '$.staging.Payload.url', 'failTests.$': '$.failTests' },
        resultPath: '$.integration',
        timeout: '30m',
        heartbeat: '2m',
      })
      .catch(
        ['TestsFailed'],
        (failed) =>
          failed
            .task('Roll back staging', rollBackRelease, {
              parameters: { 'service.$': '$.service', environment: 'staging', 'deploymentId.$': '$.staging.Payload.deploymentId' },
              resultPath: '$.rollback',
            })
            .fail('Integration tests failed', { error: 'IntegrationTestsFailed', causePath: '$.error.Cause' }),
        { resultPath: '$.error' },
      )
      .approval('Approve production', {
        approvers: { groups: ['release-managers'] },
        message: 'Deploy {$.service} {$.version} ({$.commit}) to production? Requested by {$.requestedBy}; staging passed.',
        timeout: '24h',
      })
      .onRejected((b) => b.fail('Release rejected', { error: 'ReleaseRejected', causePath: '$.approval.Cause' }))
      .onExpired((b) =>
        b.fail('Approval expired', {
          error: 'ApprovalExpired',
          cause: 'No release manager decided within 24 hours; production was not touched.',
        }),
      )
      .task('Deploy canary', releaseImage, {
        parameters: {
          'service.$': '$.service',
          'version.$': '$.version',
          'image.$': '$.build.Payload.image',
          environment: 'production',
          'canaryPercent.$': '$.rollout.canaryPercent',
        },
        resultPath: '$.production',
        timeout: '15m',
      })
      .wait('Bake canary', { secondsPath: '$.rollout.bakeSeconds' })
      .task('Check canary health', checkCanaryHealth, {
        parameters: { 'service.$': '$.service', 'deploymentId.$': '$.production.Payload.deploymentId', 'failTests.$': '$.failTests' },
        resultPath: '$.health',
        timeout: '2m',
      })
      .choice('Canary healthy?', (c) =>
        c
          .when(
            c.and(
              c.boolean('$.health.Payload.instancesHealthy').equals(true),
              c.number('$.health.Payload.errorRate').lessThan(MAX_CANARY_ERROR_RATE),
            ),
            (healthy) =>
              healthy
                .task('Promote', promoteRelease, {
                  parameters: { 'service.$': '$.service', 'version.$': '$.version', 'deploymentId.$': '$.production.Payload.deploymentId' },
                  resultPath: '$.promotion',
                  timeout: '15m',
                })
                .pass('Release summary', {
                  parameters: {
                    'service.$': '$.service',
                    'version.$': '$.version',
                    'url.$': '$.production.Payload.url',
                    'summary.$':
                      "States.Format('{} {} is live at {} (canary error rate {}%)', $.service, $.version, $.production.Payload.url, $.health.Payload.errorRate)",
                  },
                })
                .succeed('Released'),
          )
          .otherwise((unhealthy) =>
            unhealthy
              .task('Roll back production', rollBackRelease, {
                parameters: { 'service.$': '$.service', environment: 'production', 'deploymentId.$': '$.production.Payload.deploymentId' },
                resultPath: '$.rollback',
              })
              .fail('Canary unhealthy', { error: 'CanaryUnhealthy', cause: 'The canary exceeded the error budget and was rolled back.' }),
          ),
      ),
);
