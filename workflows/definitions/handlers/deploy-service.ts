/**
 * Task handlers of `deploy-service`. They simulate CI and the deploy platform deterministically:
 * a suite named in `failTests` fails (`unit`, `lint`, `security`, `integration`), and `canary` in
 * `failTests` makes the production canary report a high error rate.
 */
import { fn } from '../../dsl/task-function';
import { checksum } from './checksum';
import { LintFailedError, TestsFailedError, VulnerabilitiesFoundError } from './errors';

/** A check that `failTests` can make fail on purpose. */
export type FailableCheck = 'unit' | 'lint' | 'security' | 'integration' | 'canary';
/** Where a release is deployed. */
export type Environment = 'staging' | 'production';

/** What every build check reads from the release request. */
type CheckRequest = { service: string; commit: string; failTests: readonly FailableCheck[] };

/** Runs the unit tests of the commit. */
export const runUnitTests = fn('deploy-run-unit-tests', (input: CheckRequest) => {
  const total = 300 + (checksum(input.service) % 200);
  if (input.failTests.includes('unit')) throw new TestsFailedError('unit', 3);
  return { suite: 'unit', passed: total, failed: 0, coverage: 84.2 };
});

/** Lints the commit. */
export const runLint = fn('deploy-lint', (input: CheckRequest) => {
  if (input.failTests.includes('lint')) throw new LintFailedError(7);
  return { suite: 'lint', errors: 0, warnings: checksum(input.commit) % 5 };
});

/** Scans the commit's dependencies and code for known vulnerabilities. */
export const runSecurityScan = fn('deploy-security-scan', (input: CheckRequest) => {
  if (input.failTests.includes('security')) throw new VulnerabilitiesFoundError(1, 2);
  return { suite: 'security', critical: 0, high: 0, medium: checksum(input.service) % 3 };
});

/** Builds and pushes the container image. */
export const buildImage = fn('deploy-build-image', (input: { service: string; version: string; commit: string }) => ({
  image: `registry.example.com/${input.service}:${input.version}`,
  digest: `sha256:${checksum(input.commit).toString(16).padStart(8, '0')}${input.commit}`,
}));

/** Rolls the image out to an environment (production starts as a canary with `canaryPercent`). */
export const releaseImage = fn(
  'deploy-release',
  (input: { service: string; version: string; image: string; environment: Environment; canaryPercent?: number }) => ({
    deploymentId: `DEP-${input.environment.slice(0, 4).toUpperCase()}-${input.version}`,
    environment: input.environment,
    url: input.environment === 'production' ? `https://${input.service}.example.com` : `https://${input.service}.staging.example.com`,
    trafficPercent: input.environment === 'production' ? (input.canaryPercent ?? 100) : 100,
  }),
);

/** Runs the end-to-end suite against staging. */
export const runIntegrationTests = fn(
  'deploy-run-integration-tests',
  (input: { service: string; baseUrl: string; failTests: readonly FailableCheck[] }) => {
    if (input.failTests.includes('integration')) throw new TestsFailedError('integration', 2);
    return { suite: 'integration', baseUrl: input.baseUrl, passed: 48 + (checksum(input.service) % 20), failed: 0 };
  },
);

/** Reads the canary's metrics after the bake time: instance health, 5xx rate (%) and p99 latency. */
export const checkCanaryHealth = fn(
  'deploy-check-health',
  (input: { service: string; deploymentId: string; failTests: readonly FailableCheck[] }) => ({
    deploymentId: input.deploymentId,
    instancesHealthy: true,
    errorRate: input.failTests.includes('canary') ? 4.7 : 0.2,
    p99LatencyMs: 180 + (checksum(input.service) % 60),
  }),
);

/** Shifts all production traffic to the new version. */
export const promoteRelease = fn('deploy-promote', (input: { service: string; version: string; deploymentId: string }) => ({
  deploymentId: input.deploymentId,
  version: input.version,
  trafficPercent: 100,
}));

/** Rolls an environment back to the previous version. */
export const rollBackRelease = fn('deploy-roll-back', (input: { service: string; environment: Environment; deploymentId: string }) => ({
  deploymentId: input.deploymentId,
  environment: input.environment,
  rolledBack: true,
}));
