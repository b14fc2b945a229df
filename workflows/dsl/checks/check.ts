import type { Finding } from './finding';
import type { WalkedDefinition } from './walk-states';

/** The shape of every definition check: read the walked definition, report everything wrong with it. */
export type Check = (machine: WalkedDefinition) => Finding[];
