/**
 * The deployed functions bundled once per jest run (bundling is seconds of esbuild) and shared by the
 * test files that need them: the first file to ask bundles into the run's directory, the others wait
 * for it. The bundles are only read (CDK assets, `invokeBundle`), never changed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { bundleFunctions, type BundledFunction } from '../../infra/bundle/bundle-functions';
import { eventually } from './eventually';
import { testRunDir } from './test-run-dir';

const BUNDLE_TIMEOUT_MS = 120_000;

/** Every deployed function, bundled outside the repository. */
export async function sharedBundles(): Promise<BundledFunction[]> {
  const dir = path.join(testRunDir(), 'functions');
  const [done, failed] = [`${dir}.json`, `${dir}.failed`];
  try {
    fs.mkdirSync(`${dir}.lock`);
  } catch {
    return eventually(
      () => {
        if (fs.existsSync(failed)) throw new Error(`bundling failed in another test file: ${fs.readFileSync(failed, 'utf8')}`);
        return fs.existsSync(done) && (JSON.parse(fs.readFileSync(done, 'utf8')) as BundledFunction[]);
      },
      { timeout: BUNDLE_TIMEOUT_MS, interval: 50, what: 'the bundles another test file is building' },
    );
  }
  try {
    const bundles = await bundleFunctions({ outDir: dir });
    fs.writeFileSync(`${done}.part`, JSON.stringify(bundles));
    fs.renameSync(`${done}.part`, done); // whole or not at all for a file polling for it
    return bundles;
  } catch (error) {
    fs.writeFileSync(failed, error instanceof Error ? error.message : String(error));
    throw error;
  }
}
