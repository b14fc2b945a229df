/**
 * Function names as Lambda accepts them in FunctionName: `name`, `name:alias`,
 * `123456789012:function:name`, or the full `arn:aws:lambda:region:account:function:name[:qualifier]`.
 */

/** The bare function name inside any accepted form (undefined when it is not one). */
export function lambdaFunctionName(reference: string): string | undefined {
  const arn = /^arn:aws[a-zA-Z-]*:lambda:[a-z0-9-]+:\d{12}:function:([A-Za-z0-9_-]+)(:[A-Za-z0-9$_-]+)?$/.exec(reference);
  if (arn) return arn[1];
  const partial = /^\d{12}:function:([A-Za-z0-9_-]+)(:[A-Za-z0-9$_-]+)?$/.exec(reference);
  if (partial) return partial[1];
  const plain = /^([A-Za-z0-9_-]+)(:[A-Za-z0-9$_-]+)?$/.exec(reference);
  return plain ? plain[1] : undefined;
}

/** The full ARN of function `name`, as Lambda reports it in errors. */
export function lambdaFunctionArn(name: string, region: string, accountId: string): string {
  return `arn:aws:lambda:${region}:${accountId}:function:${name}`;
}
