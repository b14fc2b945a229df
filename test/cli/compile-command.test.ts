/** `statecraft compile` in-process through main(); --help through the real binary proves its wiring. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkDefinition } from '../../workflows/dsl/checks/check-definition';
import { invokeCli } from './invoke-cli';
import { runCli } from './run-cli';

const SAMPLES = ['order-fulfillment', 'deploy-service', 'nightly-report', 'onboard-customer', 'refund-request', 'data-backfill'];

describe('statecraft compile', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'statecraft-compile-'));

  it('writes a valid definition and a substitutions file for each of the six samples', async () => {
    const result = await invokeCli(['compile', '--out', out]);

    expect(result.code).toBe(0);
    for (const name of SAMPLES) {
      const definition: unknown = JSON.parse(fs.readFileSync(path.join(out, `${name}.asl.json`), 'utf8'));
      const substitutions = JSON.parse(fs.readFileSync(path.join(out, `${name}.substitutions.json`), 'utf8')) as Record<string, unknown>;
      expect(checkDefinition(definition, { workflow: name }).filter((d) => d.severity === 'error')).toEqual([]);
      expect(Object.keys(substitutions).length).toBeGreaterThan(0);
      expect(result.stdout).toContain(`compiled ${name}`);
    }
  });

  it('compiles only the named workflows', async () => {
    const only = fs.mkdtempSync(path.join(os.tmpdir(), 'statecraft-compile-one-'));

    const result = await invokeCli(['compile', 'deploy-service', '--out', only]);

    expect(result.code).toBe(0);
    expect(fs.readdirSync(only).sort()).toEqual(['deploy-service.asl.json', 'deploy-service.substitutions.json']);
  });

  it('rejects an unknown workflow on stderr, naming the catalogue, and writes nothing', async () => {
    const empty = path.join(os.tmpdir(), `statecraft-none-${process.pid}`);

    const result = await invokeCli(['compile', 'no-such-flow', '--out', empty]);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown workflow 'no-such-flow'; the catalogue has: order-fulfillment");
    expect(fs.existsSync(empty)).toBe(false);
  });

  it('explains itself with --help through the real binary', () => {
    const result = runCli(['compile', '--help']);

    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: statecraft compile [options] [names...]');
    expect(result.stdout).toContain('--out <dir>');
  });
});
