/**
 * TagResource, UntagResource and ListTagsForResource on state machines and activities.
 * https://docs.aws.amazon.com/step-functions/latest/apireference/API_TagResource.html
 * https://docs.aws.amazon.com/step-functions/latest/apireference/API_UntagResource.html
 * https://docs.aws.amazon.com/step-functions/latest/apireference/API_ListTagsForResource.html
 */
import { parseActivityArn, parseStateMachineArn } from '../../engine';
import type { ApiContext } from '../api-context';
import { StepFunctionsError } from '../errors';
import { checkTagCount, mergeTags, tagKeysOf, tagsOf } from '../resource-tags';
import { requiredString, type RequestBody } from '../request-fields';

/** The ARN of an existing state machine or activity: InvalidArn for other ARNs, ResourceNotFound for unknown ones. */
function requireTaggable(ctx: ApiContext, body: RequestBody): string {
  const arn = requiredString(body, 'resourceArn', { maxLength: 256 });
  const store = ctx.engine.store;
  let exists: boolean;
  if (parseStateMachineArn(arn)) exists = store.getStateMachine(arn) !== undefined;
  else if (parseActivityArn(arn)) exists = store.getActivity(arn) !== undefined;
  else throw new StepFunctionsError('InvalidArn', `Invalid Arn: '${arn}'`);
  if (!exists) throw new StepFunctionsError('ResourceNotFound', `Resource not found: '${arn}'`, 400, { fields: { resourceName: arn } });
  return arn;
}

/** TagResource: adds tags, replacing the values of keys the resource already has. */
export function tagResource(ctx: ApiContext, body: RequestBody): unknown {
  const arn = requireTaggable(ctx, body);
  const tags = mergeTags(ctx.engine.store.getTags(arn), tagsOf(body, { required: true }));
  checkTagCount(arn, tags);
  ctx.engine.store.putTags(arn, tags);
  ctx.engine.store.flush();
  return {};
}

/** UntagResource: removes the given keys (keys the resource lacks are ignored). */
export function untagResource(ctx: ApiContext, body: RequestBody): unknown {
  const arn = requireTaggable(ctx, body);
  const removed = new Set(tagKeysOf(body));
  ctx.engine.store.putTags(
    arn,
    ctx.engine.store.getTags(arn).filter((tag) => !removed.has(tag.key)),
  );
  ctx.engine.store.flush();
  return {};
}

/** ListTagsForResource. */
export function listTagsForResource(ctx: ApiContext, body: RequestBody): unknown {
  return { tags: ctx.engine.store.getTags(requireTaggable(ctx, body)) };
}
