import { execFile, execFileSync } from "node:child_process";
import { graphql, type BenchContext, type NodeServer } from "./fixtures.ts";
import { measure } from "./load.ts";
import { track } from "./processes.ts";

const PROBE_SECONDS = 2;

/**
 * About how many jobs the worker commits per transaction under this load, with no counter in
 * production code: with synchronous=FULL every SQLite commit fsyncs the WAL once (checkpoints add a
 * few), so committed writes / fsync calls ≈ jobs per transaction. strace counts the worker's fsyncs
 * for a short extra run after the measured one, because tracing slows the worker (which, if anything,
 * lets more jobs queue up per batch). Null when strace is missing or cannot attach.
 */
export async function jobsPerCommit(ctx: BenchContext, node: NodeServer, mutation: string): Promise<{ writes: number; fsyncs: number } | null> {
  try {
    execFileSync("strace", ["-V"], { stdio: "ignore" });
  } catch {
    return null;
  }
  const onHand = async () => (await graphql(ctx, node.url, `{ product(sku: "B-1") { onHand } }`)).product.onHand as number;
  const before = await onHand();
  let strace!: ReturnType<typeof execFile>;
  const counted = new Promise<number | null>((resolve) => {
    strace = execFile("strace", ["-c", "-f", "-e", "trace=fsync,fdatasync", "-p", String(node.workerPid())], (_error, _stdout, stderr) => {
      const calls = [...stderr.matchAll(/^\s*[\d.]+\s+[\d.]+\s+\d+\s+(\d+)\s+(?:\d+\s+)?f(?:data)?sync$/gm)].map((m) => Number(m[1]));
      resolve(calls.length ? calls.reduce((a, b) => a + b, 0) : null);
    });
  });
  const untrack = track(strace.pid);
  // strace attaches asynchronously: its first line on stderr says it is tracing.
  await new Promise((resolve) => {
    strace.stderr!.once("data", resolve);
    setTimeout(resolve, 2000);
  });
  const probe = { ...ctx, load: { ...ctx.load, seconds: PROBE_SECONDS, warmupSeconds: 0 } };
  await measure(probe, "group-commit probe (under strace)", node.url, mutation);
  strace.kill("SIGINT");
  const fsyncs = await counted;
  untrack();
  return fsyncs ? { writes: (await onHand()) - before, fsyncs } : null;
}
