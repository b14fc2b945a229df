/** Which query language a state evaluates. */
import type { QueryLanguage } from '../../asl';
import { isRecord } from './is-record';

/**
 * Whether a state (or scope) uses JSONata: its own `QueryLanguage`, else the inherited one, JSONPath by default.
 * https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html
 */
export function isJsonataState(state: unknown, inherited: QueryLanguage = 'JSONPath'): boolean {
  const own = isRecord(state) ? state.QueryLanguage : undefined;
  if (own === 'JSONata') return true;
  if (own === 'JSONPath') return false;
  return inherited === 'JSONata';
}
