// The full read path: resolver → ZMQ → db worker → SQLite → back, one product by sku.
import { createProduct, startNode, watchNode, type BenchContext } from "./lib/fixtures.ts";
import { measure, type BenchOutcome } from "./lib/load.ts";
import { peakRssMiB } from "./lib/processes.ts";

export async function nodeRead(ctx: BenchContext): Promise<BenchOutcome> {
  const node = await startNode(ctx, "bench-read");
  try {
    await createProduct(ctx, node.url, "B-1", 1000);
    const run = await measure(ctx, "node read", node.url, `{ product(sku: "B-1") { onHand available } }`, { vs: ["bare yoga", "node, no db"], expect: '"onHand":1000', watch: watchNode(node) });
    const memory = [
      { name: "node (read)", peakMiB: peakRssMiB(node.process.pid) },
      { name: "db worker (read)", peakMiB: peakRssMiB(node.workerPid()) },
    ];
    return { measurements: [run], memory, notes: [] };
  } finally {
    await node.process.stop();
  }
}
