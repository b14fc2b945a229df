/**
 * ARNs of activities: `arn:aws:states:REGION:ACCOUNT:activity:NAME`.
 * https://docs.aws.amazon.com/step-functions/latest/dg/concepts-activities.html
 */
import type { Account } from '../asl/arns';

const ACTIVITY_ARN = /^arn:aws[a-zA-Z-]*:states:([a-z0-9-]+):(\d{12}):activity:([^:]+)$/;

/** The ARN of activity `name` in `account`. */
export function activityArnOf(account: Account, name: string): string {
  return `arn:aws:states:${account.region}:${account.accountId}:activity:${name}`;
}

/** The parts of an activity ARN, or undefined. */
export function parseActivityArn(arn: string): (Account & { name: string }) | undefined {
  const match = ACTIVITY_ARN.exec(arn);
  return match ? { region: match[1], accountId: match[2], name: match[3] } : undefined;
}
