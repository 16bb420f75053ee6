import type { BenchContext } from "./fixtures.ts";
import type { BenchOutcome, Measurement } from "./load.ts";

export interface Machine {
  node: string;
  cpus: number;
  cpuModel: string;
  loadAverage: number[];
}

/** The tables printed to stdout and the same facts as JSON for bench/results/latest.json. */
export function report(outcome: BenchOutcome, machine: Machine, load: BenchContext["load"] & { rounds: number }) {
  const byName = new Map(outcome.measurements.map((m) => [m.name, m]));
  // `ratio`: req/s over the named row's. `perCpu`: the same had both had the same CPU (its CPU per request over ours).
  const ratiosOf = (m: Measurement) =>
    m.vs
      .filter((name) => byName.has(name))
      .map((name) => ({ of: name, ratio: +(m.rps / byName.get(name)!.rps).toFixed(2), perCpu: +(serverCpuMs(byName.get(name)!) / serverCpuMs(m)).toFixed(2) }));
  const yogaRss = outcome.memory.find((m) => m.name === "bare yoga")?.peakMiB;

  const rows = outcome.measurements.map((m) => [
    m.name,
    Math.round(m.rps).toString(),
    serverCpuMs(m).toFixed(3),
    m.p50.toString(),
    m.p99.toString(),
    m.failed.toString(),
    m.vs.length ? ratiosOf(m).map((r) => `${r.ratio.toFixed(2)} × ${r.of}`).join(", ") || "-" : "(ceiling)",
    ratiosOf(m).map((r) => r.perCpu.toFixed(2)).join(", "),
  ]);
  const rounds = load.rounds > 1 ? `, best of ${load.rounds} rounds` : "";
  const lines = [
    `node ${machine.node}, ${machine.cpus} CPUs (${machine.cpuModel}), load average ${machine.loadAverage.join(" ")} at start`,
    `Numbers from a noisy shared machine: read the ratios, not the absolute req/s. Each run: ${load.seconds} s after ${load.warmupSeconds} s warm-up, ${load.connections} connections, HTTPS to 127.0.0.1${rounds}.`,
    "",
    ...table(["benchmark", "req/s", "server CPU ms/req", "p50 ms", "p99 ms", "failed", "throughput ratio", "per-CPU ratio"], rows),
    "",
    ...table(
      ["CPU during the measured run", "process", "cores busy", "CPU ms per request"],
      outcome.measurements.flatMap((m) => m.cpu.map((c, i) => [i ? "" : m.name, c.process, c.cores.toFixed(2), c.msPerRequest.toFixed(3)])),
    ),
    "",
    ...table(
      ["process", "peak RSS MiB", "× bare yoga"],
      outcome.memory.map((m) => [m.name, String(m.peakMiB ?? "?"), m.peakMiB && yogaRss ? (m.peakMiB / yogaRss).toFixed(2) : "-"]),
    ),
    ...(outcome.notes.length ? ["", ...outcome.notes] : []),
  ];
  const json = {
    date: new Date().toISOString(),
    machine,
    load,
    measurements: outcome.measurements.map((m) => ({ ...m, rps: Math.round(m.rps), serverCpuMsPerRequest: +serverCpuMs(m).toFixed(3), ratios: ratiosOf(m) })),
    memory: outcome.memory,
    notes: outcome.notes,
  };
  return { text: lines.join("\n") + "\n", json };
}

/** CPU per request of the servers (not the load generator): steadier than req/s when other jobs take cores mid-run. */
function serverCpuMs(m: Measurement): number {
  return m.cpu.filter((c) => c.process !== "load generator").reduce((sum, c) => sum + c.msPerRequest, 0);
}

/** Columns of numbers right-aligned, text left-aligned. */
function table(head: string[], body: string[][]): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const numeric = head.map((_, i) => body.every((r) => /^[\d.?-]*$/.test(r[i]!)));
  const fmt = (r: string[]) => r.map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join("  ").trimEnd();
  return [fmt(head), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(fmt)];
}
