// A company-wide read: the gateway asks 3 nodes for one sku and merges the answers.
// Seven processes (gateway, 3 nodes, 3 workers) share the machine, as they would on a demo box.
import { createProduct, startGateway, startNode, waitForMembers, watchNode, type BenchContext, type Server } from "./lib/fixtures.ts";
import { measure, type BenchOutcome } from "./lib/load.ts";
import { peakRssMiB } from "./lib/processes.ts";

const IDS = ["bench-a", "bench-b", "bench-c"];

export async function gatewayFanout(ctx: BenchContext): Promise<BenchOutcome> {
  const gateway = await startGateway(ctx);
  const started: Server[] = [gateway];
  try {
    const nodes = await Promise.all(IDS.map((id) => startNode(ctx, id, ["--gateway", gateway.url, "--heartbeat-ms", "500"])));
    started.push(...nodes);
    await Promise.all(nodes.map((node) => createProduct(ctx, node.url, "B-1", 1000)));
    await waitForMembers(ctx, gateway, IDS.length);
    const watch = [{ name: "gateway", pid: gateway.process.pid }, ...nodes.flatMap(watchNode).map((w) => ({ ...w, name: `${w.name} ×3` }))];
    // Only a complete answer counts: a member left out would make the gateway look faster than it is.
    const run = await measure(ctx, "gateway stock, 3 nodes", gateway.url, `{ stock(sku: "B-1") { onHand } }`, { vs: ["node read"], expect: '"onHand":3000', watch });
    return { measurements: [run], memory: [{ name: "gateway", peakMiB: peakRssMiB(gateway.process.pid) }], notes: [] };
  } finally {
    await Promise.all(started.map((server) => server.process.stop()));
  }
}
