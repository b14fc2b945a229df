/**
 * Bundles every deployed function with esbuild into `<outDir>/<name>/index.js` (Node.js 22, CommonJS,
 * minified, everything but Node's own modules inside: the AWS SDK too, so a bundle runs as tested
 * whatever SDK version the runtime carries), plus `catalogue.json` beside the functions that serve
 * the catalogue, compiled now so their cold start compiles nothing.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { build } from 'esbuild';
import { BUNDLED_CATALOGUE_FILE } from '../../api/catalogue/lambda-catalogue';
import { compileEntries } from '../../api/catalogue/compile-catalogue';
import { catalogue } from '../../workflows/definitions';
import { deployedFunctions, type DeployedFunction } from './deployed-functions';

/** Where `make synth` and the tests find the bundles. */
export const DEFAULT_BUNDLE_DIR = path.resolve(__dirname, '../../dist/functions');

/** A bundled function: its directory (the Lambda asset) and the size of its code. */
export type BundledFunction = DeployedFunction & { dir: string; bytes: number };

/** Bundles `functions` (all by default) into `outDir`, replacing what was there. */
export async function bundleFunctions({
  outDir = DEFAULT_BUNDLE_DIR,
  functions = deployedFunctions(),
}: { outDir?: string; functions?: DeployedFunction[] } = {}): Promise<BundledFunction[]> {
  fs.rmSync(outDir, { recursive: true, force: true });
  const entriesDir = path.join(outDir, '.entries');
  fs.mkdirSync(entriesDir, { recursive: true });
  const entryPoints = Object.fromEntries(
    functions.map((fn) => {
      if ('file' in fn.entry) return [`${fn.name}/index`, fn.entry.file];
      const generated = path.join(entriesDir, `${fn.name}.ts`);
      fs.writeFileSync(generated, fn.entry.source);
      return [`${fn.name}/index`, generated];
    }),
  );
  const result = await build({
    entryPoints,
    outdir: outDir,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    // The ES module builds of packages that ship both (the AWS SDK's among them), which esbuild can tree-shake.
    mainFields: ['module', 'main'],
    logLevel: 'silent',
    // The SDK's optional CRT signer is not used by the clients we call.
    external: ['aws-crt', '@aws-sdk/signature-v4-crt'],
  });
  if (result.errors.length > 0) throw new Error(`bundling failed: ${result.errors.map((error) => error.text).join('; ')}`);
  fs.rmSync(entriesDir, { recursive: true, force: true });
  const compiled = functions.some((fn) => fn.servesCatalogue) ? JSON.stringify(compileEntries(catalogue)) : '';
  return functions.map((fn) => {
    const dir = path.join(outDir, fn.name);
    if (fn.servesCatalogue) fs.writeFileSync(path.join(dir, BUNDLED_CATALOGUE_FILE), compiled);
    return { ...fn, dir, bytes: fs.statSync(path.join(dir, 'index.js')).size };
  });
}
