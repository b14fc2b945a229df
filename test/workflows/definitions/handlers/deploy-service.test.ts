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
} from '../../../../workflows/definitions/handlers/deploy-service';
import { LintFailedError, TestsFailedError, VulnerabilitiesFoundError } from '../../../../workflows/definitions/handlers/errors';
import type { TaskFunction } from '../../../../workflows/dsl';

/** Calls a handler as the engine does: a thrown error becomes a rejection. */
const invoke = async <In, Out>(task: TaskFunction<In, Out>, input: In): Promise<Out> => task.handler(input, {});

const release = { service: 'checkout-api', version: '2.14.0', commit: '9f3c2ab' };

describe('build checks', () => {
  type CheckInput = { service: string; commit: string; failTests: FailableCheck[] };
  const checks = [
    ['deploy-run-unit-tests', 'unit', runUnitTests, TestsFailedError, 'TestsFailed'],
    ['deploy-lint', 'lint', runLint, LintFailedError, 'LintFailed'],
    ['deploy-security-scan', 'security', runSecurityScan, VulnerabilitiesFoundError, 'VulnerabilitiesFound'],
  ] as const;

  it.each(checks)('%s passes when failTests does not name %s', async (_name, suite, check) => {
    const result = await invoke<CheckInput, { suite: string }>(check, { ...release, failTests: ['integration'] });

    expect(result.suite).toBe(suite);
  });

  it.each(checks)('%s fails when failTests names %s', async (_name, suite, check, errorClass, errorName) => {
    const result = invoke<CheckInput, unknown>(check, { ...release, failTests: [suite] });

    await expect(result).rejects.toBeInstanceOf(errorClass);
    await expect(result).rejects.toMatchObject({ name: errorName });
  });

  it('reports the unit test counts', async () => {
    const result = await invoke(runUnitTests, { ...release, failTests: [] });

    expect(result).toMatchObject({ suite: 'unit', failed: 0, coverage: 84.2 });
    expect(result.passed).toBeGreaterThanOrEqual(300);
  });
});

describe('deploy-build-image', () => {
  it('tags the image with the version and derives the digest from the commit', async () => {
    const image = await invoke(buildImage, release);

    expect(image.image).toBe('registry.example.com/checkout-api:2.14.0');
    expect(image.digest).toMatch(/^sha256:[0-9a-f]+9f3c2ab$/);
  });
});

describe('deploy-release', () => {
  it('deploys to staging with all traffic', async () => {
    const deployment = await invoke(releaseImage, { ...release, image: 'img', environment: 'staging' });

    expect(deployment).toStrictEqual({
      deploymentId: 'DEP-STAG-2.14.0',
      environment: 'staging',
      url: 'https://checkout-api.staging.example.com',
      trafficPercent: 100,
    });
  });

  it('starts production as a canary', async () => {
    const deployment = await invoke(releaseImage, { ...release, image: 'img', environment: 'production', canaryPercent: 10 });

    expect(deployment).toStrictEqual({
      deploymentId: 'DEP-PROD-2.14.0',
      environment: 'production',
      url: 'https://checkout-api.example.com',
      trafficPercent: 10,
    });
  });
});

describe('deploy-run-integration-tests', () => {
  it('passes against staging', async () => {
    const result = await invoke(runIntegrationTests, { service: 'checkout-api', baseUrl: 'https://staging', failTests: ['unit'] });

    expect(result).toMatchObject({ suite: 'integration', baseUrl: 'https://staging', failed: 0 });
  });

  it('fails with TestsFailed when failTests names integration', async () => {
    const result = invoke(runIntegrationTests, { service: 'checkout-api', baseUrl: 'https://staging', failTests: ['integration'] });

    await expect(result).rejects.toMatchObject({ name: 'TestsFailed', suite: 'integration', failed: 2 });
  });
});

describe('deploy-check-health', () => {
  it.each([
    [[] as FailableCheck[], 0.2],
    [['canary'] as FailableCheck[], 4.7],
  ])('reports a canary error rate for failTests %j of %d%%', async (failTests, errorRate) => {
    const health = await invoke(checkCanaryHealth, { service: 'checkout-api', deploymentId: 'DEP-PROD-2.14.0', failTests });

    expect(health).toMatchObject({ deploymentId: 'DEP-PROD-2.14.0', instancesHealthy: true, errorRate });
    expect(health.p99LatencyMs).toBeGreaterThanOrEqual(180);
  });
});

describe('deploy-promote and deploy-roll-back', () => {
  it('promotes the canary to all traffic', async () => {
    const promotion = await invoke(promoteRelease, { service: 'checkout-api', version: '2.14.0', deploymentId: 'DEP-PROD-2.14.0' });

    expect(promotion).toStrictEqual({ deploymentId: 'DEP-PROD-2.14.0', version: '2.14.0', trafficPercent: 100 });
  });

  it('rolls an environment back', async () => {
    const rollback = await invoke(rollBackRelease, { service: 'checkout-api', environment: 'production', deploymentId: 'DEP-PROD-2.14.0' });

    expect(rollback).toStrictEqual({ deploymentId: 'DEP-PROD-2.14.0', environment: 'production', rolledBack: true });
  });
});
