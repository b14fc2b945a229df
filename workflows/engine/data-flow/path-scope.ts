/** What a JSONPath can read besides the state's own data. */
import type { JsonValue } from '../../asl';

/** What paths can see besides the state's data: `$$` and variables. */
export type PathScope = { context: JsonValue; variables: Readonly<Record<string, JsonValue>> };
