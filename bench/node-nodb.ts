// The node's own HTTP cost (TLS, token check, hardening plugins, its schema) without the database:
// `warehouse { id }` is answered from the node's config, so ZMQ and the worker stay idle.
import { startNode, watchNode, type BenchContext } from "./lib/fixtures.ts";
import { measure, type BenchOutcome } from "./lib/load.ts";

export async function nodeNoDb(ctx: BenchContext): Promise<BenchOutcome> {
  const node = await startNode(ctx, "bench-nodb");
  try {
    const run = await measure(ctx, "node, no db", node.url, "{ warehouse { id } }", { vs: ["bare yoga"], expect: '"id":"bench-nodb"', watch: watchNode(node) });
    return { measurements: [run], memory: [], notes: [] };
  } finally {
    await node.process.stop();
  }
}
