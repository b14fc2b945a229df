import ELK from 'elkjs/lib/elk.bundled.js';
import { layoutGraph, type PlacedNode } from '../../../web/src/graph/layout-graph';
import { deployService } from '../../../workflows/definitions';
import { compile } from '../../../workflows/dsl';
import { toGraph } from '../../../workflows/dsl/graph';

const overlaps = (a: PlacedNode, b: PlacedNode) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('layoutGraph', () => {
  it('places every node of deploy-service, branches inside their Parallel, siblings apart', async () => {
    const graph = toGraph(compile(deployService).definition);

    const placed = await layoutGraph(graph, new ELK());

    expect(placed.nodes.map((node) => node.id)).toEqual(graph.nodes.map((node) => node.id));
    const byId = new Map(placed.nodes.map((node) => [node.id, node]));
    for (const node of placed.nodes) {
      expect(node.width).toBeGreaterThan(0);
      if (node.parent) {
        const parent = byId.get(node.parent);
        expect(parent).toBeDefined();
        expect(node.x + node.width).toBeLessThanOrEqual((parent?.width ?? 0) + 0.5);
        expect(node.y + node.height).toBeLessThanOrEqual((parent?.height ?? 0) + 0.5);
      }
    }
    const siblings = (parent: string | undefined) => placed.nodes.filter((node) => node.parent === parent);
    for (const parent of [
      undefined,
      ...placed.nodes.filter((node) => node.type === 'Parallel' || node.type === 'Map').map((node) => node.id),
    ]) {
      const group = siblings(parent);
      for (const [index, a] of group.entries()) for (const b of group.slice(index + 1)) expect(overlaps(a, b)).toBe(false);
    }
    expect(placed.nodes.some((node) => node.parent !== undefined)).toBe(true);
  });
});
