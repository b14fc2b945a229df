/**
 * ValidateStateMachineDefinition: `{result: OK|FAIL, diagnostics, truncated}`.
 * https://docs.aws.amazon.com/step-functions/latest/apireference/API_ValidateStateMachineDefinition.html
 */
import type { ApiContext } from '../api-context';
import { optionalEnum, optionalInteger, requiredString, type RequestBody } from '../request-fields';
import { validateDefinition } from '../validate-definition';

/** ValidateStateMachineDefinition. */
export function validateStateMachineDefinition(_ctx: ApiContext, body: RequestBody): unknown {
  const definition = requiredString(body, 'definition', { maxLength: 1024 * 1024 });
  optionalEnum(body, 'type', ['STANDARD', 'EXPRESS'] as const);
  const maxResults = optionalInteger(body, 'maxResults', 0, 100) || 100;
  const diagnostics = validateDefinition(definition);
  return {
    result: diagnostics.length ? 'FAIL' : 'OK',
    diagnostics: diagnostics.slice(0, maxResults),
    truncated: diagnostics.length > maxResults,
  };
}
