/**
 * `make deploy`'s first step: stops at once, saying what to set, when the environment names no
 * AWS credentials or no region, before anything is built. Both are resolved as the AWS SDK (and so
 * the CDK CLI) resolves them: environment variables, then the shared config and credentials files.
 */
import { SFNClient } from '@aws-sdk/client-sfn';
import { stageOf } from '../stage';

/** What the deploy will use, or the sentence that says what is missing. */
export type Preflight = { ok: true; region: string; stage: string } | { ok: false; problem: string };

const CREDENTIALS_HELP = [
  'No AWS credentials found, so nothing was deployed. Set one of:',
  '  AWS_PROFILE=<profile>      a profile from ~/.aws/config (after `aws configure` or `aws sso login`)',
  '  AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary credentials)',
  'then run make deploy again.',
].join('\n');

const REGION_HELP =
  'No AWS region set, so nothing was deployed. Set AWS_REGION (for example AWS_REGION=eu-west-1) or a region in your AWS profile, then run make deploy again.';

/** Checks the stage name, the region and the credentials. */
export async function preflight(env: Readonly<Record<string, string | undefined>> = process.env): Promise<Preflight> {
  let stage: string;
  try {
    stage = stageOf(env).name;
  } catch (error) {
    return { ok: false, problem: (error as Error).message };
  }
  const client = new SFNClient({});
  try {
    let region: string;
    try {
      region = await client.config.region();
    } catch {
      return { ok: false, problem: REGION_HELP };
    }
    try {
      await client.config.credentials();
    } catch {
      return { ok: false, problem: CREDENTIALS_HELP };
    }
    return { ok: true, region, stage };
  } finally {
    client.destroy();
  }
}

if (require.main === module) {
  preflight().then(
    (result) => {
      if (!result.ok) {
        console.error(result.problem);
        process.exit(2);
      }
      console.log(`Deploying stage '${result.stage}' to ${result.region}.`);
    },
    (error: unknown) => {
      console.error(`Preflight failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
