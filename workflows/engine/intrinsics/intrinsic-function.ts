/** The shape every `States.*` implementation shares. */
import type { JsonValue } from '../../asl';

/** An evaluated argument; `source` is the raw text of a string literal (see IntrinsicExpression). */
export type IntrinsicArgument = { value: JsonValue; source?: string };

/** Computes a call's result from its evaluated arguments; `name` is `States.X`, for messages. */
export type IntrinsicFunction = (args: readonly IntrinsicArgument[], name: string) => JsonValue;
