import autocannon from "autocannon";
import type { BenchContext } from "./fixtures.ts";
import { cpuMs } from "./processes.ts";

/** One measured load run: throughput and latency, and which other runs it is a fraction of. */
export interface Measurement {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  /** Responses that were not a clean 2xx GraphQL answer, plus connection errors and timeouts. */
  failed: number;
  /** Clean answers, warm-up included: what a caller was told succeeded (for writes, must all be in the ledger). */
  acknowledged: number;
  /** Names of earlier measurements this one is divided by in the report. */
  vs: string[];
  /** Where the CPU went during the measured run: cores kept busy, and CPU ms per answered request. */
  cpu: { process: string; cores: number; msPerRequest: number }[];
}

/**
 * POSTs `query` to `${url}/graphql` for ctx.load.seconds after a discarded warm-up (JIT, TLS sessions,
 * SQLite page cache). With `expect`, a response body must contain that text to count as a success.
 */
export async function measure(
  ctx: BenchContext,
  name: string,
  url: string,
  query: string,
  options: { vs?: string[]; expect?: string; watch?: { name: string; pid: number }[] } = {},
): Promise<Measurement> {
  const target = new URL("/graphql", url);
  const run = (seconds: number) =>
    autocannon({
      url: target.href,
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${ctx.token}` },
      body: JSON.stringify({ query }),
      connections: ctx.load.connections,
      duration: seconds,
      // The URL is an IP, so name the certificate's host for SNI; autocannon does not verify it anyway.
      servername: "localhost",
      tlsOptions: { ca: ctx.ca },
      // A GraphQL error (or a partial company answer) still comes back as HTTP 200: count it as a
      // failure, not as throughput. A substring test keeps the load generator's own cost low.
      verifyBody: (body) => typeof body === "string" && !body.includes('"errors"') && (!options.expect || body.includes(options.expect)),
    });
  const ok = (r: autocannon.Result) => r["2xx"] - r.mismatches;
  const warmedUp = ctx.load.warmupSeconds > 0 ? ok(await run(ctx.load.warmupSeconds)) : 0;
  // The load generator shares the 2 cores too: watching it shows how much of the machine the servers had.
  const watched = [...(options.watch ?? []), { name: "load generator", pid: process.pid }];
  const before = watched.map((w) => cpuMs(w.pid));
  const started = Date.now();
  const result = await run(ctx.load.seconds);
  const wallMs = Date.now() - started;
  // Processes watched under one name (e.g. the three nodes of a federation) are added up.
  const used = new Map<string, number>();
  watched.forEach((w, i) => used.set(w.name, (used.get(w.name) ?? 0) + (cpuMs(w.pid) ?? NaN) - (before[i] ?? NaN)));
  const cpu = [...used].map(([process, ms]) => ({
    process,
    cores: +(ms / wallMs).toFixed(2),
    msPerRequest: +(ms / Math.max(1, result.requests.total)).toFixed(3),
  }));
  const failed = result.non2xx + result.errors + result.timeouts + result.mismatches;
  process.stderr.write(`  ${name}: ${Math.round(result.requests.average)} req/s${failed ? `, ${failed} failed` : ""}\n`);
  return { name, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, failed, acknowledged: warmedUp + ok(result), vs: options.vs ?? [], cpu };
}

/** What one benchmark file hands the runner. */
export interface BenchOutcome {
  measurements: Measurement[];
  /** Peak resident memory (VmHWM) of the processes it started, read just before stopping them. */
  memory: { name: string; peakMiB: number | null }[];
  notes: string[];
}
