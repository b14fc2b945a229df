/**
 * Cold start of the deployed API function, as Lambda starts it: a fresh Node process loads the
 * esbuild bundle (outside the source tree) and answers its first API Gateway HTTP API (v2) events.
 * - to the first answer (`GET /api/health`): target ≤ 400 ms; the peer is an empty Node process
 *   started the same way, and the ratio shows what the bundle adds;
 * - to the first catalogue answer (`GET /api/workflows/deploy-service` with a token verified: the
 *   bundled catalogue.json is read, nothing is compiled);
 * - the size of every bundle, raw and gzipped (what Lambda downloads).
 *
 *   npx tsx bench/cold-start.ts [--runs 10]
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadSigningKey } from '../api/auth/load-signing-key';
import { signLocalToken } from '../api/auth/sign-local-token';
import { SIGNING_KEY_FILE } from '../api/config';
import { bundleFunctions } from '../infra/bundle/bundle-functions';
import { PRODUCT_FUNCTIONS } from '../infra/bundle/deployed-functions';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 10;
const TARGET_MS = 400;

/** An HTTP API v2 event for `GET rawPath`. */
function httpApiEvent(rawPath: string, token?: string): object {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath,
    rawQueryString: '',
    headers: {
      accept: 'application/json',
      host: 'abc123.execute-api.eu-west-1.amazonaws.com',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      domainName: 'abc123.execute-api.eu-west-1.amazonaws.com',
      http: { method: 'GET', path: rawPath, protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'bench' },
      requestId: 'bench',
      routeKey: '$default',
      stage: '$default',
      timeEpoch: Date.now(),
    },
    isBase64Encoded: false,
  };
}

/** The child: loads the bundle, answers each event in turn, printing each status code as it is answered. */
const DRIVER = `
const { handler } = require(process.env.BUNDLE);
const events = JSON.parse(process.env.EVENTS);
const context = { awsRequestId: 'bench', functionName: 'api', getRemainingTimeInMillis: () => 29000 };
(async () => { for (const event of events) process.stdout.write((await handler(event, context)).statusCode + '\\n'); })();
`;

/** Milliseconds from spawning `node` to each line it prints (one per answered event). */
function timeProcess(env: Record<string, string>, script: string, answers: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const times: number[] = [];
    const lines: string[] = [];
    const child = spawn(process.execPath, ['-e', script], { env: { PATH: process.env.PATH ?? '', ...env }, cwd: os.tmpdir() });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        times.push(Number(process.hrtime.bigint() - started) / 1e6);
        lines.push(line);
      }
      if (times.length === answers) child.kill();
    });
    child.on('exit', () => {
      if (times.length < answers) return reject(new Error(`the process answered ${times.length} of ${answers}: ${stderr}`));
      if (lines.some((line) => line !== '200')) return reject(new Error(`unexpected answers ${lines.join(', ')}: ${stderr}`));
      resolve(times);
    });
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const worst = (values: number[]) => Math.max(...values);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function main(): Promise<void> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'statecraft-cold-start-'));
  try {
    const bundles = await bundleFunctions({ outDir: path.join(workDir, 'functions') });
    const api = bundles.find((bundle) => bundle.name === PRODUCT_FUNCTIONS.api);
    if (!api) throw new Error('no api bundle');
    const dataDir = path.join(workDir, 'data');
    fs.mkdirSync(dataDir);
    const token = await signLocalToken({ user: 'vera', groups: ['viewers'] }, loadSigningKey(path.join(dataDir, SIGNING_KEY_FILE)));
    const env = {
      BUNDLE: path.join(api.dir, 'index.js'),
      EVENTS: JSON.stringify([httpApiEvent('/api/health'), httpApiEvent('/api/workflows/deploy-service', token)]),
      STATECRAFT_DATA_DIR: dataDir,
      AWS_REGION: 'eu-west-1',
      AWS_ACCESS_KEY_ID: 'bench',
      AWS_SECRET_ACCESS_KEY: 'bench',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      // Nothing is called on these: the two routes answer from the bundle alone.
      SFN_ENDPOINT: 'http://127.0.0.1:9',
      DYNAMODB_ENDPOINT: 'http://127.0.0.1:9',
    };

    const health: number[] = [];
    const catalogue: number[] = [];
    const empty: number[] = [];
    await timeProcess(env, DRIVER, 2); // warm the file system cache, as a Lambda host's is
    for (let run = 0; run < runs; run += 1) {
      const [first, second] = await timeProcess(env, DRIVER, 2);
      health.push(first);
      catalogue.push(second);
      empty.push((await timeProcess({}, "process.stdout.write('200\\n')", 1))[0]);
    }

    console.log(`Cold start of the API bundle (${kb(api.bytes)}), ${runs} fresh processes, Node ${process.version}:`);
    console.log(
      `  first answer (GET /api/health)            median ${median(health).toFixed(0)} ms, worst ${worst(health).toFixed(0)} ms (target ≤ ${TARGET_MS} ms: ${median(health) <= TARGET_MS ? 'met' : 'MISSED'})`,
    );
    console.log(
      `  first catalogue answer (token verified)   median ${median(catalogue).toFixed(0)} ms, worst ${worst(catalogue).toFixed(0)} ms`,
    );
    console.log(
      `  peer: an empty Node process               median ${median(empty).toFixed(0)} ms; the bundle adds ${(median(health) - median(empty)).toFixed(0)} ms (${(median(health) / median(empty)).toFixed(2)}× the empty process)`,
    );
    console.log('\nBundles (index.js, and catalogue.json where served):');
    for (const bundle of bundles) {
      const code = fs.readFileSync(path.join(bundle.dir, 'index.js'));
      const catalogueFile = path.join(bundle.dir, 'catalogue.json');
      const extra = fs.existsSync(catalogueFile) ? ` + catalogue ${kb(fs.statSync(catalogueFile).size)}` : '';
      console.log(`  ${bundle.name.padEnd(28)} ${kb(code.length).padStart(10)}  gzip ${kb(gzipSync(code).length).padStart(9)}${extra}`);
    }
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
