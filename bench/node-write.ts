// The full write path: recordMovement PURCHASE of 1 unit, every request distinct (no idempotency key),
// first with the default group commit, then with --db-batch 1 (one transaction, one fsync, per job).
import { createProduct, graphql, startNode, watchNode, type BenchContext } from "./lib/fixtures.ts";
import { jobsPerCommit } from "./lib/group-commit.ts";
import { measure, type BenchOutcome, type Measurement } from "./lib/load.ts";
import { peakRssMiB } from "./lib/processes.ts";

const PURCHASE = `mutation { recordMovement(input: { sku: "B-1", kind: PURCHASE, quantity: 1 }) { balanceAfter } }`;

export async function nodeWrite(ctx: BenchContext): Promise<BenchOutcome> {
  const grouped = await writeRun(ctx, "node write", [], ["bare yoga", "node read"]);
  const single = await writeRun(ctx, "node write, --db-batch 1", ["--db-batch", "1"], ["node write"]);
  return {
    measurements: [grouped.run, single.run],
    memory: grouped.memory,
    notes: [grouped.note, single.note],
  };
}

async function writeRun(ctx: BenchContext, name: string, args: string[], vs: string[]) {
  const node = await startNode(ctx, "bench-write", args);
  try {
    await createProduct(ctx, node.url, "B-1", 0);
    const run: Measurement = await measure(ctx, name, node.url, PURCHASE, { vs, expect: "balanceAfter", watch: watchNode(node) });
    // onHand is the ledger's sum: every acknowledged write must be in it, and nothing else.
    const { product } = await graphql(ctx, node.url, `{ product(sku: "B-1") { onHand } }`);
    const groups = await jobsPerCommit(ctx, node, PURCHASE);
    const grouping = groups ? `; ≈ ${(groups.writes / groups.fsyncs).toFixed(1)} jobs per commit (${groups.writes} writes, ${groups.fsyncs} fsyncs in a ${ctx.load.connections}-connection probe under strace)` : "";
    // A run stops with up to one request per connection in flight: committed, but never answered to the bench.
    const cutOff = product.onHand - run.acknowledged;
    const check = cutOff >= 0 && cutOff <= 2 * ctx.load.connections ? `all in the ledger (+${cutOff} cut off in flight)` : `LEDGER MISMATCH: onHand ${product.onHand}`;
    const note = `${name}: ${run.acknowledged} writes acknowledged (warm-up included), ${check}${grouping}`;
    const memory = [
      { name: "node (write)", peakMiB: peakRssMiB(node.process.pid) },
      { name: "db worker (write)", peakMiB: peakRssMiB(node.workerPid()) },
    ];
    return { run, note, memory };
  } finally {
    await node.process.stop();
  }
}
