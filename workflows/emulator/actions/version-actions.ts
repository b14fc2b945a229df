/**
 * PublishStateMachineVersion, ListStateMachineVersions and DeleteStateMachineVersion.
 * https://docs.aws.amazon.com/step-functions/latest/apireference/API_PublishStateMachineVersion.html
 */
import { epochSeconds, type ApiContext } from '../api-context';
import { StepFunctionsError } from '../errors';
import { paginate } from '../pagination';
import { optionalInteger, optionalString, requiredString, type RequestBody } from '../request-fields';
import { requireStateMachine } from './state-machine-actions';
import { CONFLICT_STATUS, publishVersion, requireQualifiedArn } from './state-machine-versions';

/** PublishStateMachineVersion: the current revision as a new version, or its existing version. */
export function publishStateMachineVersion(ctx: ApiContext, body: RequestBody): unknown {
  const machine = requireStateMachine(ctx, requiredString(body, 'stateMachineArn'));
  const version = publishVersion(ctx, machine, {
    description: optionalString(body, 'description', { maxLength: 256 }),
    revisionId: optionalString(body, 'revisionId'),
  });
  return { stateMachineVersionArn: version.arn, creationDate: epochSeconds(version.createdAt) };
}

/** ListStateMachineVersions, newest first. */
export function listStateMachineVersions(ctx: ApiContext, body: RequestBody): unknown {
  const machine = requireStateMachine(ctx, requiredString(body, 'stateMachineArn'));
  const versions = ctx.engine.store
    .listStateMachineVersions(machine.arn)
    .sort((a, b) => b.version - a.version)
    .map((version) => ({ stateMachineVersionArn: version.arn, creationDate: epochSeconds(version.createdAt) }));
  const { page, nextToken } = paginate(versions, optionalInteger(body, 'maxResults', 0, 1000), optionalString(body, 'nextToken'));
  return nextToken ? { stateMachineVersions: page, nextToken } : { stateMachineVersions: page };
}

/**
 * DeleteStateMachineVersion: refused while an alias routes to the version; succeeds for one already
 * gone. Its running executions continue.
 */
export function deleteStateMachineVersion(ctx: ApiContext, body: RequestBody): unknown {
  const arn = requiredString(body, 'stateMachineVersionArn', { maxLength: 2000 });
  const parsed = requireQualifiedArn(arn);
  if (parsed.version === undefined) throw new StepFunctionsError('InvalidArn', `Invalid Arn: '${arn}'`);
  const { store } = ctx.engine;
  const referencing = store
    .listStateMachineAliases(parsed.stateMachineArn)
    .filter((alias) => alias.routingConfiguration.some((route) => route.stateMachineVersionArn === arn))
    .map((alias) => alias.name)
    .sort();
  if (referencing.length) {
    throw new StepFunctionsError(
      'ConflictException',
      `Version to be deleted must not be referenced by an alias. Current list of aliases referencing this version: [${referencing.join(', ')}]`,
      CONFLICT_STATUS,
    );
  }
  store.deleteStateMachineVersion(arn);
  return {};
}
