/** Placeholders in compiled ASL (`${ReserveStockFunctionArn}`) that deployment fills in. */

export type Substitution =
  { type: 'function'; functionName: string } | { type: 'stateMachine'; workflow: string } | { type: 'table'; table: string };

/** Placeholder name → what it stands for, sorted by name for stable output. */
export type Substitutions = Record<string, Substitution>;

/** `${Name}` as it appears inside the ASL. */
export function placeholderRef(name: string): string {
  return '${' + name + '}';
}
