// `npm run bench [-- --seconds 5 --warmup 1 --connections 10 --rounds 1 --only baseline,read]`: runs the
// benchmarks one after another, prints a table of ratios against ceilings measured in this same run, and
// writes bench/results/latest.json. Absolute numbers from a shared machine mean little; the ratios carry over.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { baseline } from "./baseline.ts";
import { gatewayFanout } from "./gateway-fanout.ts";
import { createContext, type BenchContext } from "./lib/fixtures.ts";
import type { BenchOutcome, Measurement } from "./lib/load.ts";
import { report } from "./lib/report.ts";
import { killAll, ROOT } from "./lib/processes.ts";
import { nodeNoDb } from "./node-nodb.ts";
import { nodeRead } from "./node-read.ts";
import { nodeWrite } from "./node-write.ts";

// In the order of the table: each row is divided by rows above it.
const BENCHES: Record<string, (ctx: BenchContext) => Promise<BenchOutcome>> = {
  baseline,
  nodb: nodeNoDb,
  read: nodeRead,
  write: nodeWrite,
  gateway: gatewayFanout,
};

const USAGE = `usage: npm run bench -- [--seconds 5] [--warmup 1] [--connections 10] [--rounds 1] [--only ${Object.keys(BENCHES).join(",")}]\n`;
let values: { seconds: string; warmup: string; connections: string; rounds: string; only: string; help?: boolean };
try {
  ({ values } = parseArgs({
    options: {
      seconds: { type: "string", default: "5" },
      warmup: { type: "string", default: "1" },
      connections: { type: "string", default: "10" },
      rounds: { type: "string", default: "1" },
      only: { type: "string", default: Object.keys(BENCHES).join(",") },
      help: { type: "boolean" },
    },
  }));
} catch (error) {
  process.stderr.write(`npm run bench --: ${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (values.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
const number = (flag: string, value: string, min: number, max: number) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    process.stderr.write(`npm run bench --: --${flag} must be an integer from ${min} to ${max}, got "${value}"\n`);
    process.exit(2);
  }
  return n;
};
const load = {
  seconds: number("seconds", values.seconds, 1, 60),
  warmupSeconds: number("warmup", values.warmup, 0, 30),
  connections: number("connections", values.connections, 1, 256),
  rounds: number("rounds", values.rounds, 1, 10),
};
const only = values.only.split(",").map((s) => s.trim());
const unknown = only.filter((name) => !BENCHES[name]);
if (unknown.length) {
  process.stderr.write(`npm run bench --: unknown benchmark ${unknown.join(", ")}; known: ${Object.keys(BENCHES).join(", ")}\n`);
  process.exit(2);
}

const machine = { node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? "?", loadAverage: os.loadavg().map((l) => +l.toFixed(2)) };
const ctx = await createContext(load);
// Whatever ends the run (Ctrl-C, a failed start, a thrown error), no server it started outlives it.
const cleanUp = () => {
  killAll();
  fs.rmSync(ctx.tmp, { recursive: true, force: true });
};
process.on("exit", killAll);
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => {
    process.stderr.write(`\n${signal}: stopping every process the bench started\n`);
    cleanUp();
    process.exit(130);
  });

// With rounds > 1 the whole suite runs again and each row keeps its best round: other jobs on the
// machine only ever slow a run down, so the best round is the closest to what the code can do.
const best = new Map<string, Measurement>();
const memory = new Map<string, number | null>();
const notes: string[] = [];
try {
  for (let round = 1; round <= load.rounds; round++)
    for (const name of only) {
      process.stderr.write(`${name}${load.rounds > 1 ? ` (round ${round})` : ""}…\n`);
      const part = await BENCHES[name]!(ctx);
      for (const m of part.measurements) if (!best.has(m.name) || m.rps > best.get(m.name)!.rps) best.set(m.name, m);
      for (const m of part.memory) memory.set(m.name, Math.max(memory.get(m.name) ?? 0, m.peakMiB ?? 0) || null);
      notes.push(...part.notes.map((note) => (load.rounds > 1 ? `round ${round}, ${note}` : note)));
    }
} finally {
  cleanUp();
}
const outcome: BenchOutcome = { measurements: [...best.values()], memory: [...memory].map(([name, peakMiB]) => ({ name, peakMiB })), notes };

const { text, json } = report(outcome, machine, load);
process.stdout.write(text);
const results = path.join(ROOT, "bench", "results");
fs.mkdirSync(results, { recursive: true });
fs.writeFileSync(path.join(results, "latest.json"), JSON.stringify(json, null, 2) + "\n");
process.stderr.write(`written to ${path.relative(process.cwd(), path.join(results, "latest.json"))}\n`);
