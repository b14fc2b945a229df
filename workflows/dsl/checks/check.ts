/** The shape of every definition check: read the walked definition, report what is wrong. */
import type { Finding } from './finding';
import type { WalkedDefinition } from './walk-states';

export type Check = (machine: WalkedDefinition) => Finding[];
