/**
 * Removes task tokens from anything bound for a client: `taskToken` fields at any depth, also
 * inside JSON-encoded strings (history parameters are JSON text). The token never leaves the backend.
 */

const TOKEN_KEY = /^task_?token$/i;
export const REDACTED = '[redacted]';

/** A copy of `value` without task tokens. */
export function redactTaskTokens(value: unknown): unknown {
  if (typeof value === 'string') return redactJsonText(value);
  if (Array.isArray(value)) return value.map(redactTaskTokens);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => !TOKEN_KEY.test(key.replace(/\.\$$/, '')))
        .map(([key, item]) => [key, redactTaskTokens(item)]),
    );
  }
  return value;
}

/** A resource name such as `invoke.waitForTaskToken` or `arn:aws:states:::lambda:invoke.waitForTaskToken`: names the pattern, carries no token. */
const WAIT_FOR_TOKEN_RESOURCE = /^[\w:./-]*\.waitForTaskToken$/;

function redactJsonText(text: string): string {
  if (!/task_?token/i.test(text) || WAIT_FOR_TOKEN_RESOURCE.test(text)) return text;
  try {
    return JSON.stringify(redactTaskTokens(JSON.parse(text)));
  } catch {
    return REDACTED;
  }
}
