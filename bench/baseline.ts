// The ceilings: raw node:https answering a fixed JSON body, and a bare graphql-yoga answering `{ hello }`.
import { startBaseline, type BenchContext } from "./lib/fixtures.ts";
import { measure, type BenchOutcome } from "./lib/load.ts";
import { peakRssMiB } from "./lib/processes.ts";

export async function baseline(ctx: BenchContext): Promise<BenchOutcome> {
  const raw = await startBaseline(ctx, "raw");
  const rawRun = await measure(ctx, "raw https", raw.url, "{ hello }", { expect: "world", watch: [{ name: "raw https", pid: raw.process.pid }] }).finally(() => raw.process.stop());
  const yoga = await startBaseline(ctx, "yoga");
  try {
    const yogaRun = await measure(ctx, "bare yoga", yoga.url, "{ hello }", { vs: ["raw https"], expect: "world", watch: [{ name: "bare yoga", pid: yoga.process.pid }] });
    return { measurements: [rawRun, yogaRun], memory: [{ name: "bare yoga", peakMiB: peakRssMiB(yoga.process.pid) }], notes: [] };
  } finally {
    await yoga.process.stop();
  }
}
