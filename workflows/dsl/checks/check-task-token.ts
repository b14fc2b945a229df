/**
 * `task-token-missing`: a `.waitForTaskToken` task waits until someone sends its token back, so the token
 * must be in what it sends (https://docs.aws.amazon.com/step-functions/latest/dg/connect-to-resource.html#connect-wait-token).
 */
import type { Check } from './check';
import { finding } from './finding';
import { jsonataExpressions } from './jsonata-expressions';

const JSONPATH_TOKEN = '$$.Task.Token';
const JSONATA_TOKEN = '$states.context.Task.Token';

/** Reports each callback task whose Parameters (JSONPath) or Arguments (JSONata) never pass the task token. */
export const checkTaskToken: Check = (machine) =>
  machine.states.flatMap(({ state, path, queryLanguage }) => {
    if (state.Type !== 'Task' || typeof state.Resource !== 'string' || !state.Resource.endsWith('.waitForTaskToken')) {
      return [];
    }
    const jsonata = queryLanguage === 'JSONata';
    const passed = jsonata
      ? jsonataExpressions({ Arguments: state.Arguments }).some(({ expression }) => expression.includes(JSONATA_TOKEN))
      : templateMentions(state.Parameters, JSONPATH_TOKEN);
    if (passed) return [];
    const how = jsonata
      ? `Arguments must pass {% ${JSONATA_TOKEN} %}`
      : `Parameters must pass "${JSONPATH_TOKEN}" in a field ending in .$ (e.g. "TaskToken.$": "${JSONPATH_TOKEN}")`;
    return [
      finding(
        'task-token-missing',
        path,
        `Resource ends with .waitForTaskToken, but the task token is never sent: ${how}, or the execution waits until the task times out`,
      ),
    ];
  });

/** Whether a `.$` field of the payload template, at any depth, refers to `token`. */
function templateMentions(value: unknown, token: string): boolean {
  if (Array.isArray(value)) return value.some((item: unknown) => templateMentions(item, token));
  if (typeof value !== 'object' || value === null) return false;
  return Object.entries(value).some(([key, child]) =>
    key.endsWith('.$') ? typeof child === 'string' && child.includes(token) : templateMentions(child, token),
  );
}
