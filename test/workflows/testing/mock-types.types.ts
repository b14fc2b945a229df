/**
 * Compile-time checks of the kit's typed mocks (`tsc --noEmit`, part of `make test`): a mock made
 * with mockFn must answer with the handler's output type. Each @ts-expect-error fails the build if
 * the line ever compiles.
 */
import { checkCanaryHealth } from '../../../workflows/definitions/handlers/deploy-service';
import { mockFn } from '../../../workflows/testing';

const healthy = { deploymentId: 'dep-1', instancesHealthy: true, errorRate: 0.1, p99LatencyMs: 120 };

export const typed = [
  mockFn(checkCanaryHealth, { result: healthy }),
  mockFn(checkCanaryHealth, { result: () => healthy }),
  mockFn(checkCanaryHealth, { error: 'CanaryUnreachable', cause: 'timeout' }),
  mockFn(checkCanaryHealth, { sequence: [{ error: 'Flaky' }, { result: healthy }] }),
  mockFn(checkCanaryHealth, { delay: '10m' }),
  // @ts-expect-error a field of the wrong type
  mockFn(checkCanaryHealth, { result: { ...healthy, instancesHealthy: 'yes' } }),
  // @ts-expect-error a required field missing
  mockFn(checkCanaryHealth, { result: { instancesHealthy: false, errorRate: 4.2 } }),
  // @ts-expect-error a function answering the wrong type
  mockFn(checkCanaryHealth, { result: () => ({ healthy: true }) }),
  // @ts-expect-error a sequence with a wrong answer
  mockFn(checkCanaryHealth, { sequence: [{ result: { errorRate: 'high' } }] }),
];
