import { deployService, deployServiceExample } from '../../../workflows/definitions';
import { checkCanaryHealth } from '../../../workflows/definitions/handlers/deploy-service';
import { mockFn, testWorkflow, workflowMatchers } from '../../../workflows/testing';

expect.extend(workflowMatchers);

describe('testWorkflow on deploy-service', () => {
  it('rolls back an unhealthy canary after the production approval', async () => {
    const run = await testWorkflow(deployService, {
      input: { ...deployServiceExample, rollout: { canaryPercent: 10, bakeSeconds: 600 } },
      mocks: { 'Check canary health': { result: { instancesHealthy: false, errorRate: 4.2 } } },
      approvals: { 'Approve production': { approve: true, by: 'rita' } },
    });

    expect(run).toFailWith('CanaryUnhealthy');
    expect(run.path).toContain('Roll back production');
    expect(run).toHavePassedThrough('Approve production', 'Check canary health', 'Roll back production');
    expect(run.states['Approve production'].output).toMatchObject({ approval: { approved: true, decidedBy: 'rita', comment: null } });
  });

  it('types a mock made with mockFn against the handler: a full, healthy check lets the release through', async () => {
    const healthy = mockFn(checkCanaryHealth, {
      result: { deploymentId: 'dep-1', instancesHealthy: true, errorRate: 0.1, p99LatencyMs: 120 },
    });

    const run = await testWorkflow(deployService, {
      mocks: { 'Check canary health': healthy },
      approvals: { 'Approve production': { approve: true, by: 'rita' } },
    });

    expect(run).toSucceed();
    expect(run.path).not.toContain('Roll back production');
  });
});
