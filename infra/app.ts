/** Entry of `cdk synth` and `cdk deploy` (cdk.json): bundles the functions, then builds the app for `STAGE`. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { bundleFunctions } from './bundle/bundle-functions';
import { stageOf } from './stage';
import { statecraftApp } from './statecraft-app';

const WEB_DIR = path.resolve(__dirname, '../web/dist');

async function main(): Promise<void> {
  const stage = stageOf(process.env);
  if (!fs.existsSync(path.join(WEB_DIR, 'index.html')))
    throw new Error(`the console is not built (${WEB_DIR}): run make web first (make deploy does)`);
  const bundles = await bundleFunctions();
  const env = { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION };
  statecraftApp({ stage, bundles, webDir: WEB_DIR, env, keepData: process.env.KEEP_DATA !== 'false' }).app.synth();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
