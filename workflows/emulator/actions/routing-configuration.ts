/**
 * An alias's `routingConfiguration`, checked as AWS checks it: one or two versions of one state
 * machine, distinct, each weighted 0–100, the weights summing to 100. The messages are AWS's
 * (recorded against the service in LocalStack's test_sfn_api_aliasing snapshots).
 * https://docs.aws.amazon.com/step-functions/latest/apireference/API_RoutingConfigurationListItem.html
 */
import type { RoutingConfigurationItem } from '../../engine';
import type { ApiContext } from '../api-context';
import { StepFunctionsError } from '../errors';
import type { RequestBody } from '../request-fields';
import { requireQualifiedArn } from './state-machine-versions';

/** Routes an alias may have. */
const MAX_ROUTES = 2;
/** What the weights of an alias add up to. */
const TOTAL_WEIGHT = 100;

function invalid(message: string): StepFunctionsError {
  return new StepFunctionsError('ValidationException', message);
}

function routeOf(value: unknown, index: number): RoutingConfigurationItem {
  const at = `routingConfiguration.${index + 1}.member`;
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new StepFunctionsError('SerializationException', `Expected an object for '${at}'`);
  const { stateMachineVersionArn, weight } = value as Record<string, unknown>;
  if (stateMachineVersionArn === undefined || stateMachineVersionArn === null)
    throw invalid(
      `1 validation error detected: Value null at '${at}.stateMachineVersionArn' failed to satisfy constraint: Member must not be null`,
    );
  if (weight === undefined || weight === null)
    throw invalid(`1 validation error detected: Value null at '${at}.weight' failed to satisfy constraint: Member must not be null`);
  if (typeof stateMachineVersionArn !== 'string')
    throw new StepFunctionsError('SerializationException', `Expected string for '${at}.stateMachineVersionArn'`);
  if (typeof weight !== 'number' || !Number.isInteger(weight))
    throw new StepFunctionsError('SerializationException', `Expected integer for '${at}.weight'`);
  if (weight < 0 || weight > TOTAL_WEIGHT) {
    throw invalid(
      `1 validation error detected: Value '${weight}' at '${at}.weight' failed to satisfy constraint: Member must have value ${weight < 0 ? 'greater than or equal to 0' : `less than or equal to ${TOTAL_WEIGHT}`}`,
    );
  }
  return { stateMachineVersionArn, weight };
}

function listed(values: readonly (string | number)[]): string {
  return `[${values.join(', ')}]`;
}

/**
 * The routes in `body.routingConfiguration` and the state machine they belong to. Each version must
 * exist (ResourceNotFound otherwise).
 */
export function requireRoutingConfiguration(
  ctx: ApiContext,
  body: RequestBody,
): { routes: RoutingConfigurationItem[]; stateMachineArn: string } {
  const value = body.routingConfiguration;
  if (value === undefined || value === null)
    throw invalid(
      "1 validation error detected: Value null at 'routingConfiguration' failed to satisfy constraint: Member must not be null",
    );
  if (!Array.isArray(value)) throw new StepFunctionsError('SerializationException', "Expected a list for 'routingConfiguration'");
  const routes = value.map(routeOf);
  if (routes.length < 1)
    throw invalid(
      "1 validation error detected: Value '[]' at 'routingConfiguration' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
  if (routes.length > MAX_ROUTES) {
    const shown = routes
      .map((route) => `RoutingConfigurationListItem(stateMachineVersionArn=${route.stateMachineVersionArn}, weight=${route.weight})`)
      .join(', ');
    throw invalid(
      `1 validation error detected: Value '[${shown}]' at 'routingConfiguration' failed to satisfy constraint: Member must have length less than or equal to ${MAX_ROUTES}`,
    );
  }
  const arns = routes.map((route) => route.stateMachineVersionArn);
  const parsed = arns.map((arn) => {
    try {
      return requireQualifiedArn(arn);
    } catch {
      return undefined;
    }
  });
  if (parsed.some((arn) => arn?.version === undefined))
    throw invalid(`Routing configuration must contain state machine version ARNs. Received: ${listed(arns)}`);
  if (new Set(arns).size !== arns.length)
    throw invalid(`Routing configuration must contain distinct state machine version ARNs. Received: ${listed(arns)}`);
  const stateMachineArn = parsed[0]!.stateMachineArn;
  if (parsed.some((arn) => arn!.stateMachineArn !== stateMachineArn))
    throw invalid(`Routing configuration must contain versions of the same state machine. Received: ${listed(arns)}`);
  const weights = routes.map((route) => route.weight);
  if (weights.reduce((sum, weight) => sum + weight, 0) !== TOTAL_WEIGHT)
    throw invalid(`Sum of routing configuration weights must equal ${TOTAL_WEIGHT}. Received: ${listed(weights)}`);
  for (const arn of arns) {
    if (!ctx.engine.store.getStateMachineVersion(arn)) throw resourceNotFound(arn);
  }
  return { routes, stateMachineArn };
}

/** AWS's ResourceNotFound for a version or alias that does not exist. */
export function resourceNotFound(resourceName: string): StepFunctionsError {
  return new StepFunctionsError('ResourceNotFound', 'Request references a resource that does not exist.', 400, {
    fields: { resourceName },
  });
}
