/**
 * `make deploy`'s last step: what was deployed (the stack's outputs, from `cdk deploy
 * --outputs-file`) and how to let the first person in.
 */
import * as fs from 'node:fs';
import { stageOf } from '../stage';
import { OUTPUTS } from '../statecraft-stack';

/** The text printed after a deploy, from the outputs file's content. */
export function deployReport(outputsJson: string, stackName: string): string {
  const outputs = (JSON.parse(outputsJson) as Record<string, Record<string, string>>)[stackName];
  if (!outputs) throw new Error(`the outputs file has no stack named ${stackName}`);
  const width = Math.max(...OUTPUTS.map((name) => name.length));
  const lines = OUTPUTS.filter((name) => outputs[name] !== undefined).map((name) => `  ${name.padEnd(width)}  ${outputs[name]}`);
  const pool = outputs.UserPoolId ?? '<UserPoolId>';
  return [
    `Statecraft is deployed (${stackName}):`,
    ...lines,
    '',
    'Add the first user and put them in a group (admins may do everything; operators start and stop runs; viewers read):',
    `  aws cognito-idp admin-create-user --user-pool-id ${pool} --username alice --user-attributes Name=email,Value=alice@example.com Name=email_verified,Value=true`,
    `  aws cognito-idp admin-add-user-to-group --user-pool-id ${pool} --username alice --group-name admins`,
    'Cognito emails a temporary password; at the first sign-in on the console the user sets a new one and an authenticator app.',
    `Then open ${outputs.ConsoleUrl ?? 'the ConsoleUrl'}.`,
  ].join('\n');
}

if (require.main === module) {
  const [file = 'cdk.out/outputs.json'] = process.argv.slice(2);
  console.log(deployReport(fs.readFileSync(file, 'utf8'), stageOf(process.env).stackName));
}
