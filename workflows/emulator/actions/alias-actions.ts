/**
 * CreateStateMachineAlias, DescribeStateMachineAlias, UpdateStateMachineAlias,
 * DeleteStateMachineAlias and ListStateMachineAliases. An alias routes StartExecution to one or two
 * versions by weight (the engine draws the version at start).
 * https://docs.aws.amazon.com/step-functions/latest/apireference/API_CreateStateMachineAlias.html
 */
import { isDeepStrictEqual } from 'node:util';
import { aliasArnOf, type StateMachineAliasRecord } from '../../engine';
import { epochSeconds, type ApiContext } from '../api-context';
import { StepFunctionsError } from '../errors';
import { paginate } from '../pagination';
import { optionalInteger, optionalString, requiredString, type RequestBody } from '../request-fields';
import { requireRoutingConfiguration, resourceNotFound } from './routing-configuration';
import { requireStateMachine } from './state-machine-actions';
import { CONFLICT_STATUS, requireQualifiedArn } from './state-machine-versions';

/** Aliases a state machine may have (AWS's quota). */
const MAX_ALIASES_PER_STATE_MACHINE = 100;
/** AWS's pattern for alias names: at least one non-digit, so an alias never reads as a version. */
const ALIAS_NAME = /^(?=.*[a-zA-Z_\-.])[a-zA-Z0-9_\-.]+$/;
const ALIAS_NAME_SOURCE = '^(?=.*[a-zA-Z_\\-\\.])[a-zA-Z0-9_\\-\\.]+$';

function aliasName(body: RequestBody): string {
  const name = requiredString(body, 'name', { maxLength: 80 });
  if (!ALIAS_NAME.test(name)) {
    throw new StepFunctionsError(
      'ValidationException',
      `1 validation error detected: Value '${name}' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: ${ALIAS_NAME_SOURCE}`,
    );
  }
  return name;
}

/** The alias at `arn`, with InvalidArn for an ARN that names no alias and ResourceNotFound for a missing one. */
function requireAlias(ctx: ApiContext, arn: string): StateMachineAliasRecord {
  const record = ctx.engine.store.getStateMachineAlias(aliasArnOrInvalid(arn));
  if (!record) throw resourceNotFound(arn);
  return record;
}

/** `arn` when it is an alias ARN (InvalidArn otherwise). */
function aliasArnOrInvalid(arn: string): string {
  if (requireQualifiedArn(arn).alias === undefined) throw new StepFunctionsError('InvalidArn', `Invalid Arn: '${arn}'`);
  return arn;
}

/** CreateStateMachineAlias: idempotent for the same name, description and routing; ConflictException otherwise. */
export function createStateMachineAlias(ctx: ApiContext, body: RequestBody): unknown {
  const name = aliasName(body);
  const description = optionalString(body, 'description', { maxLength: 256 });
  const { routes, stateMachineArn } = requireRoutingConfiguration(ctx, body);
  const { store } = ctx.engine;
  if (!store.getStateMachine(stateMachineArn)) throw resourceNotFound(stateMachineArn);
  const arn = aliasArnOf(stateMachineArn, name);
  const existing = store.getStateMachineAlias(arn);
  if (existing) {
    if (existing.description === description && isDeepStrictEqual(existing.routingConfiguration, routes))
      return { stateMachineAliasArn: arn, creationDate: epochSeconds(existing.createdAt) };
    throw new StepFunctionsError(
      'ConflictException',
      'Failed to create alias because an alias with the same name and a different routing configuration already exists.',
      CONFLICT_STATUS,
    );
  }
  if (store.listStateMachineAliases(stateMachineArn).length >= MAX_ALIASES_PER_STATE_MACHINE) {
    throw new StepFunctionsError(
      'ServiceQuotaExceededException',
      `Maximum number of aliases (${MAX_ALIASES_PER_STATE_MACHINE}) reached for state machine '${stateMachineArn}'`,
      402,
    );
  }
  const now = ctx.engine.clock.now();
  store.putStateMachineAlias({
    arn,
    stateMachineArn,
    name,
    ...(description === undefined ? {} : { description }),
    routingConfiguration: routes,
    createdAt: now,
    updatedAt: now,
  });
  return { stateMachineAliasArn: arn, creationDate: epochSeconds(now) };
}

/** DescribeStateMachineAlias. */
export function describeStateMachineAlias(ctx: ApiContext, body: RequestBody): unknown {
  const alias = requireAlias(ctx, requiredString(body, 'stateMachineAliasArn'));
  const out: Record<string, unknown> = {
    stateMachineAliasArn: alias.arn,
    name: alias.name,
    routingConfiguration: alias.routingConfiguration,
    creationDate: epochSeconds(alias.createdAt),
    updateDate: epochSeconds(alias.updatedAt),
  };
  if (alias.description !== undefined) out.description = alias.description;
  return out;
}

/** UpdateStateMachineAlias: a new description, routing configuration or both (the versions must be the same state machine's). */
export function updateStateMachineAlias(ctx: ApiContext, body: RequestBody): unknown {
  const arn = requiredString(body, 'stateMachineAliasArn');
  aliasArnOrInvalid(arn);
  const description = optionalString(body, 'description', { maxLength: 256 });
  if (description === undefined && (body.routingConfiguration === undefined || body.routingConfiguration === null)) {
    throw new StepFunctionsError('ValidationException', 'Either the description or the routingConfiguration must be specified');
  }
  const routing =
    body.routingConfiguration === undefined || body.routingConfiguration === null ? undefined : requireRoutingConfiguration(ctx, body);
  const alias = requireAlias(ctx, arn);
  if (routing && routing.stateMachineArn !== alias.stateMachineArn) {
    throw new StepFunctionsError(
      'ValidationException',
      `Routing configuration must contain versions of the state machine '${alias.stateMachineArn}'`,
    );
  }
  const next: StateMachineAliasRecord = {
    ...alias,
    ...(description === undefined ? {} : { description }),
    ...(routing ? { routingConfiguration: routing.routes } : {}),
  };
  if (isDeepStrictEqual(next, alias)) return { updateDate: epochSeconds(alias.updatedAt) };
  next.updatedAt = ctx.engine.clock.now();
  ctx.engine.store.putStateMachineAlias(next);
  return { updateDate: epochSeconds(next.updatedAt) };
}

/** DeleteStateMachineAlias (succeeds for an alias that is already gone, as on AWS); its versions stay. */
export function deleteStateMachineAlias(ctx: ApiContext, body: RequestBody): unknown {
  ctx.engine.store.deleteStateMachineAlias(aliasArnOrInvalid(requiredString(body, 'stateMachineAliasArn')));
  return {};
}

/** ListStateMachineAliases, in creation order. */
export function listStateMachineAliases(ctx: ApiContext, body: RequestBody): unknown {
  const machine = requireStateMachine(ctx, requiredString(body, 'stateMachineArn'));
  const aliases = ctx.engine.store
    .listStateMachineAliases(machine.arn)
    .sort((a, b) => a.createdAt - b.createdAt || a.name.localeCompare(b.name))
    .map((alias) => ({ stateMachineAliasArn: alias.arn, creationDate: epochSeconds(alias.createdAt) }));
  const { page, nextToken } = paginate(aliases, optionalInteger(body, 'maxResults', 0, 1000), optionalString(body, 'nextToken'));
  return nextToken ? { stateMachineAliases: page, nextToken } : { stateMachineAliases: page };
}
