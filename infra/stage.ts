/** The stage (`STAGE`, default `dev`): it names the stack and prefixes every named resource, so several stages live in one account. */

/** A stage and the prefix of its resource names. */
export type Stage = { name: string; prefix: string; stackName: string };

const STAGE_NAME = /^[a-z][a-z0-9-]{0,15}$/;

/** The stage of `env.STAGE`; a name AWS resources cannot carry is refused with what is allowed. */
export function stageOf(env: Readonly<Record<string, string | undefined>>): Stage {
  const name = env.STAGE?.trim() || 'dev';
  if (!STAGE_NAME.test(name))
    throw new Error(`STAGE must be 1 to 16 lower-case letters, digits or '-', starting with a letter; got '${name}'`);
  return { name, prefix: `statecraft-${name}-`, stackName: `Statecraft-${name}` };
}
