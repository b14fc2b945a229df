/** deploy-service's behaviour: build checks, staging, the production approval, the canary and its health, run through the test kit. */
import { deployService, deployServiceExample, type DeployServiceInput } from '../../../../workflows/definitions';
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
import type { TaskFunction } from '../../../../workflows/dsl';
import {
  testWorkflow,
  workflowCoverage,
  workflowMatchers,
  type ApprovalDecisionMock,
  type TaskMock,
  type TestedRun,
} from '../../../../workflows/testing';

expect.extend(workflowMatchers);

const APPROVED: Record<string, ApprovalDecisionMock> = { 'Approve production': { approve: true, by: 'rita.release', comment: 'go' } };

/** The example release, with some checks failing on purpose. */
const releaseWith = (...failTests: FailableCheck[]): DeployServiceInput => ({ ...deployServiceExample, failTests });

/** A transient Lambda service error on the first attempt, then the real handler's answer. */
function transientThen<In, Out>(task: TaskFunction<In, Out>): TaskMock<Out> {
  return { sequence: [{ error: 'Lambda.ServiceException', cause: 'Rate exceeded' }, { result: (input) => task.handler(input as In, {}) }] };
}

/** The payload the approval step sent to the approval-request function (from the run's TaskScheduled event). */
function approvalRequest(run: TestedRun<unknown>): { Payload: { message: string; approvers: unknown } } {
  const details = run.history
    .map((event) => event.taskScheduledEventDetails as { resource: string; parameters: string } | undefined)
    .find((each) => each?.resource === 'invoke.waitForTaskToken');
  if (!details) throw new Error(`no approval was requested; path: ${run.path.join(' → ')}`);
  return JSON.parse(details.parameters) as { Payload: { message: string; approvers: unknown } };
}

describe('deploy-service', () => {
  it('releases a healthy canary once a release manager approves', async () => {
    const run = await testWorkflow(deployService, { input: deployServiceExample, approvals: APPROVED });

    expect(run).toSucceed();
    expect(run.path[0]).toBe('Build checks');
    // The three checks run in parallel: their order on the path is not fixed.
    expect(run.path.slice(1, 4).sort()).toEqual(['Lint', 'Security scan', 'Unit tests']);
    expect(run.path.slice(4)).toEqual([
      'Build image',
      'Deploy to staging',
      'Integration tests',
      'Approve production',
      'Deploy canary',
      'Bake canary',
      'Check canary health',
      'Canary healthy?',
      'Promote',
      'Release summary',
      'Released',
    ]);
    expect(run.output).toEqual({
      service: 'checkout-api',
      version: '2.14.0',
      url: 'https://checkout-api.example.com',
      summary: 'checkout-api 2.14.0 is live at https://checkout-api.example.com (canary error rate 0.2%)',
    });
    expect(run.states['Build checks'].output).toMatchObject({
      checks: { unit: { suite: 'unit', failed: 0 }, lint: { suite: 'lint', errors: 0 }, security: { suite: 'security', critical: 0 } },
    });
    expect(run.states['Approve production'].output).toMatchObject({
      approval: { approved: true, decidedBy: 'rita.release', comment: 'go' },
    });
    expect(run.states['Deploy canary'].output).toMatchObject({
      production: { Payload: { environment: 'production', trafficPercent: 10, deploymentId: 'DEP-PROD-2.14.0' } },
    });
    expect(run.states.Promote.output).toMatchObject({ promotion: { Payload: { deploymentId: 'DEP-PROD-2.14.0', trafficPercent: 100 } } });
    expect(run.path).not.toContain('Roll back production');
  });

  it('asks the release managers with a message naming the release', async () => {
    const run = await testWorkflow(deployService, { input: deployServiceExample, approvals: APPROVED });

    const parameters = approvalRequest(run);
    expect(parameters.Payload.message).toBe(
      'Deploy checkout-api 2.14.0 (9f3c2ab) to production? Requested by dana.kim@example.com; staging passed.',
    );
    expect(parameters.Payload.approvers).toEqual({ users: [], groups: ['release-managers'], allowRequester: false });
  });

  it('bakes the canary for rollout.bakeSeconds of virtual time before checking its health', async () => {
    const run = await testWorkflow(deployService, {
      input: { ...deployServiceExample, rollout: { canaryPercent: 25, bakeSeconds: 3600 } },
      approvals: APPROVED,
    });

    expect(run).toSucceed();
    expect(run.durationMs).toBeGreaterThanOrEqual(3600 * 1000);
    expect(run.durationMs).toBeLessThan(3700 * 1000);
    expect(run.states['Deploy canary'].output).toMatchObject({ production: { Payload: { trafficPercent: 25 } } });
  });

  it.each([
    ['unit', 'TestsFailed', 'unit tests failed: 3 failing'],
    ['lint', 'LintFailed', 'lint found 7 errors'],
    ['security', 'VulnerabilitiesFound', 'security scan found 1 critical and 2 high vulnerabilities'],
  ] as const)('stops at Checks failed when the %s check fails, with its error', async (check, error, message) => {
    const run = await testWorkflow(deployService, { input: releaseWith(check) });

    expect(run).toFailWith(error, message);
    expect(run.path.slice(-1)).toEqual(['Checks failed']);
    expect(run).toHavePassedThrough('Build checks', 'Checks failed');
    expect(run.path).not.toContain('Build image');
    // A Parallel reports no error of its own (as on AWS): the report gives it the error of the branch state that failed it.
    expect(run.states['Build checks'].error).toBe(error);
    expect(run.states['Checks failed'].input).toMatchObject({ error: { Error: error } });
  });

  it('rolls staging back and fails with IntegrationTestsFailed when the integration tests fail, before anyone is asked', async () => {
    const run = await testWorkflow(deployService, { input: releaseWith('integration') });

    expect(run).toFailWith('IntegrationTestsFailed', 'integration tests failed: 2 failing');
    expect(run).toHavePassedThrough('Integration tests', 'Roll back staging', 'Integration tests failed');
    expect(run.states['Roll back staging'].output).toMatchObject({
      rollback: { Payload: { environment: 'staging', deploymentId: 'DEP-STAG-2.14.0', rolledBack: true } },
    });
    // No approval decision is given: reaching 'Approve production' would make the kit reject the run.
    expect(run.path).not.toContain('Approve production');
  });

  it('does not catch an integration-test error other than TestsFailed', async () => {
    const run = await testWorkflow(deployService, {
      input: deployServiceExample,
      mocks: { 'Integration tests': { error: 'StagingUnreachable', cause: 'connection refused' } },
    });

    expect(run).toFailWith('StagingUnreachable');
    expect(run.path.at(-1)).toBe('Integration tests');
    expect(run.path).not.toContain('Roll back staging');
  });

  it('fails with ReleaseRejected, carrying the decision, when the release manager rejects', async () => {
    const run = await testWorkflow(deployService, {
      input: deployServiceExample,
      approvals: { 'Approve production': { approve: false, by: 'rita.release', reason: 'freeze week' } },
    });

    expect(run).toFailWith('ReleaseRejected');
    expect(JSON.parse(run.cause ?? '')).toEqual({ approved: false, decidedBy: 'rita.release', reason: 'freeze week' });
    expect(run.path.slice(-2)).toEqual(['Approve production', 'Release rejected']);
    expect(run.path).not.toContain('Deploy canary');
  });

  it('fails with ApprovalExpired when nobody decides within 24 hours, leaving production untouched', async () => {
    const run = await testWorkflow(deployService, { input: deployServiceExample, approvals: { 'Approve production': { expire: true } } });

    expect(run).toFailWith('ApprovalExpired', 'production was not touched');
    expect(run.states['Approve production'].error).toBe('States.Timeout');
    expect(run.durationMs).toBeGreaterThanOrEqual(24 * 3600 * 1000);
    expect(run.path.slice(-2)).toEqual(['Approve production', 'Approval expired']);
    expect(run.path).not.toContain('Deploy canary');
  });

  it('refuses the requester as the approver (four-eyes)', async () => {
    const attempt = testWorkflow(deployService, {
      input: deployServiceExample,
      startedBy: 'dana.kim@example.com',
      approvals: { 'Approve production': { approve: true, by: 'dana.kim@example.com' } },
    });

    await expect(attempt).rejects.toThrow(
      "four-eyes: dana.kim@example.com started the run, so dana.kim@example.com may not decide 'Approve production'",
    );
  });

  it('rolls production back and fails with CanaryUnhealthy when the canary errors (the real health check with failTests canary)', async () => {
    const run = await testWorkflow(deployService, { input: releaseWith('canary'), approvals: APPROVED });

    expect(run).toFailWith('CanaryUnhealthy', 'rolled back');
    expect(run.states['Check canary health'].output).toMatchObject({ health: { Payload: { errorRate: 4.7, instancesHealthy: true } } });
    expect(run).toHavePassedThrough('Canary healthy?', 'Roll back production', 'Canary unhealthy');
    expect(run.states['Roll back production'].output).toMatchObject({
      rollback: { Payload: { environment: 'production', deploymentId: 'DEP-PROD-2.14.0', rolledBack: true } },
    });
    expect(run.path).not.toContain('Promote');
  });

  it.each([
    { instancesHealthy: true, errorRate: 0.99, next: 'Promote' },
    { instancesHealthy: true, errorRate: 1, next: 'Roll back production' },
    { instancesHealthy: false, errorRate: 0.1, next: 'Roll back production' },
    { instancesHealthy: false, errorRate: 3, next: 'Roll back production' },
  ])(
    'routes a canary with instancesHealthy $instancesHealthy and error rate $errorRate to $next',
    async ({ instancesHealthy, errorRate, next }) => {
      const health = { result: { deploymentId: 'DEP-PROD-2.14.0', instancesHealthy, errorRate, p99LatencyMs: 200 } };

      const run = await testWorkflow(deployService, {
        input: deployServiceExample,
        mocks: { 'Check canary health': health },
        approvals: APPROVED,
      });

      expect(run.path[run.path.indexOf('Canary healthy?') + 1]).toBe(next);
      expect(run.status).toBe(next === 'Promote' ? 'SUCCEEDED' : 'FAILED');
    },
  );

  it.each([
    ['Unit tests', runUnitTests, deployServiceExample, 'SUCCEEDED'],
    ['Lint', runLint, deployServiceExample, 'SUCCEEDED'],
    ['Security scan', runSecurityScan, deployServiceExample, 'SUCCEEDED'],
    ['Build image', buildImage, deployServiceExample, 'SUCCEEDED'],
    ['Deploy to staging', releaseImage, deployServiceExample, 'SUCCEEDED'],
    ['Integration tests', runIntegrationTests, deployServiceExample, 'SUCCEEDED'],
    ['Deploy canary', releaseImage, deployServiceExample, 'SUCCEEDED'],
    ['Check canary health', checkCanaryHealth, deployServiceExample, 'SUCCEEDED'],
    ['Promote', promoteRelease, deployServiceExample, 'SUCCEEDED'],
    ['Roll back staging', rollBackRelease, releaseWith('integration'), 'FAILED'],
    ['Roll back production', rollBackRelease, releaseWith('canary'), 'FAILED'],
  ] as const)('retries %s after a transient Lambda service error and carries on', async (state, task, input, status) => {
    const run = await testWorkflow(deployService, {
      input,
      mocks: { [state]: transientThen(task as TaskFunction<never, unknown>) },
      approvals: APPROVED,
    });

    expect(run.states[state]).toMatchObject({ attempts: 2, visits: 1 });
    expect(run.states[state].output).toBeDefined();
    expect(run.status).toBe(status);
  });

  it('gives up on a Lambda service error after three retries, with nothing to catch it', async () => {
    const run = await testWorkflow(deployService, {
      input: deployServiceExample,
      mocks: { 'Build image': { error: 'Lambda.ServiceException', cause: 'down' } },
    });

    expect(run).toFailWith('Lambda.ServiceException');
    expect(run.states['Build image']).toMatchObject({ attempts: 4, error: 'Lambda.ServiceException' });
    expect(run.path.at(-1)).toBe('Build image');
  });

  it('covers every state, Choice branch, Catch and Retry arm', () => {
    const coverage = workflowCoverage().find((each) => each.workflow === 'deploy-service');

    const uncovered = (coverage?.items ?? []).filter((item) => !coverage?.covered.includes(item.key)).map((item) => item.label);
    expect(coverage?.items.length).toBeGreaterThan(0);
    expect(uncovered).toEqual([]);
  });
});
