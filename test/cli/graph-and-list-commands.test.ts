/** `statecraft graph`, `statecraft list` and `statecraft --help` in-process through main(); one case of graph and of list through the real binary proves their wiring. */
import { invokeCli } from './invoke-cli';
import { runCli } from './run-cli';

describe('statecraft graph', () => {
  it('prints a Mermaid flowchart by default, through the real binary', () => {
    const result = runCli(['graph', 'deploy-service']);

    expect(result.code).toBe(0);
    expect(result.stdout.startsWith('flowchart TD\n')).toBe(true);
    expect(result.stdout).toContain('subgraph');
  });

  it('prints nodes and edges as JSON', async () => {
    const result = await invokeCli(['graph', 'order-fulfillment', '--format', 'json']);

    const graph = JSON.parse(result.stdout) as { nodes: { type: string }[]; edges: { kind: string }[] };
    expect(result.code).toBe(0);
    expect(graph.nodes.map((node) => node.type)).toEqual(expect.arrayContaining(['Start', 'Task', 'End']));
    expect(graph.edges.map((edge) => edge.kind)).toContain('catch');
  });

  it('rejects an unknown format', async () => {
    const result = await invokeCli(['graph', 'deploy-service', '--format', 'svg']);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain("argument 'svg' is invalid");
  });
});

describe('statecraft list', () => {
  it('lists the six samples with their states and approvals', async () => {
    const result = await invokeCli(['list', '--json']);

    const rows = JSON.parse(result.stdout) as { name: string; states: number; approvals: number }[];
    expect(result.code).toBe(0);
    expect(rows.map((row) => row.name)).toEqual([
      'order-fulfillment',
      'deploy-service',
      'nightly-report',
      'onboard-customer',
      'refund-request',
      'data-backfill',
    ]);
    expect(rows.filter((row) => row.approvals > 0).map((row) => row.name)).toEqual(
      expect.arrayContaining(['deploy-service', 'onboard-customer', 'refund-request']),
    );
  });

  it('prints a table for people, through the real binary', () => {
    const result = runCli(['list']);

    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toMatch(/^NAME\s+STATES\s+APPROVALS\s+DESCRIPTION$/);
  });
});

describe('statecraft --help', () => {
  it('lists every command', async () => {
    const result = await invokeCli(['--help']);

    expect(result.code).toBe(0);
    for (const command of ['list', 'compile', 'validate', 'graph', 'run', 'engine', 'dev']) expect(result.stdout).toContain(`  ${command}`);
  });
});
