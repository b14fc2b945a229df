/** Names of state machines and executions as AWS accepts them (1–80 characters, no whitespace, brackets, wildcards, punctuation or control characters). */

// eslint-disable-next-line no-control-regex -- AWS forbids control characters in names: the class names them on purpose.
const FORBIDDEN = /[\s<>{}[\]?*"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]/;

/** Whether `name` is a valid state machine or execution name. */
export function isValidResourceName(name: string): boolean {
  return name.length >= 1 && name.length <= 80 && !FORBIDDEN.test(name);
}
