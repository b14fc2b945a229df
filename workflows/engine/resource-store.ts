/**
 * The part of the store that keeps activities and the tags of state machines and activities.
 * https://docs.aws.amazon.com/step-functions/latest/apireference/API_CreateActivity.html
 * https://docs.aws.amazon.com/step-functions/latest/apireference/API_TagResource.html
 */
import type { JsonValue } from '../asl';

/** An activity as CreateActivity made it. */
export type ActivityRecord = {
  arn: string;
  name: string;
  createdAt: number;
  encryptionConfiguration?: JsonValue;
};

/** One tag, as the API carries it. */
export type ResourceTag = { key: string; value: string };

/** Activities and tags (keyed by resource ARN); writes may be buffered until `flush()` like the rest of the store. */
export type ResourceStore = {
  putActivity(record: ActivityRecord): void;
  getActivity(arn: string): ActivityRecord | undefined;
  listActivities(): ActivityRecord[];
  deleteActivity(arn: string): void;

  /** Replaces the tags of `resourceArn` (an empty list removes them). */
  putTags(resourceArn: string, tags: ResourceTag[]): void;
  /** The tags of `resourceArn`, in the order they were first set. */
  getTags(resourceArn: string): ResourceTag[];
};
