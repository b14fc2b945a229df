/** A complete state machine definition (https://states-language.net/spec.html#toplevelfields). */
import type { StateMachineBranch } from './state';

export type StateMachine = StateMachineBranch & {
  Version?: string;
  TimeoutSeconds?: number;
};

/** AWS's limit on a state machine definition: 1 MiB of UTF-8. */
export const MAX_DEFINITION_BYTES = 1024 * 1024;

/** AWS's limit on an execution's input, output and any state's data: 256 KiB of UTF-8. */
export const MAX_PAYLOAD_BYTES = 256 * 1024;
