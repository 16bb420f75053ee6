import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { isAlive, killPid } from "../../lib/pids.ts";

export { isAlive, killPid };

export const ROOT = path.resolve(import.meta.dirname, "../..");

/** Every pid the bench started (db workers included, learnt from their node's log), killed whatever happens. */
const started = new Set<number>();

/** Registers a process started elsewhere (e.g. a tracer), so killAll ends it too. */
export function track(pid: number | undefined): () => void {
  if (pid) started.add(pid);
  return () => void (pid && started.delete(pid));
}

/** Synchronous on purpose: it also runs from process.on("exit"), where nothing async may happen. */
export function killAll(): void {
  for (const pid of started) killPid(pid, "SIGKILL");
  started.clear();
}

/** Peak resident memory (VmHWM) in MiB; null once the process is gone. */
export function peakRssMiB(pid: number): number | null {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb ? Math.round(Number(kb) / 1024) : null;
  } catch {
    return null;
  }
}

/** CPU time (user + system) a process has used so far, in ms; null once it is gone. */
export function cpuMs(pid: number): number | null {
  try {
    // Fields after the ")" that closes the command name: utime and stime are the 12th and 13th, in ticks of 10 ms.
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

export interface Spawned {
  pid: number;
  logs: Record<string, any>[];
  /** Resolves with the first JSON log line matching, or fails with the last output lines. */
  waitForLog(match: (line: Record<string, any>) => boolean, what: string, timeoutMs?: number): Promise<Record<string, any>>;
  /** SIGTERM (a node stops its own worker), SIGKILL after a grace period, then any child pid still alive. */
  stop(): Promise<void>;
}

/** Starts `node --import tsx <script>` from the repository root and collects its JSON log lines. */
export function spawnTs(script: string, args: string[]): Spawned {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, script), ...args], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const pid = child.pid!;
  started.add(pid);
  const children = new Set<number>();
  const logs: Record<string, any>[] = [];
  const text: string[] = [];
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const onLine = (line: string) => {
    try {
      const parsed = JSON.parse(line);
      logs.push(parsed);
      if (typeof parsed.workerPid === "number") {
        started.add(parsed.workerPid);
        children.add(parsed.workerPid);
      }
    } catch {
      text.push(line);
      if (process.env.BENCH_VERBOSE) process.stderr.write(`[${pid}] ${line}\n`);
    }
  };
  readline.createInterface({ input: child.stdout! }).on("line", onLine);
  readline.createInterface({ input: child.stderr! }).on("line", onLine);
  return {
    pid,
    logs,
    async waitForLog(match, what, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = logs.find(match);
        if (found) return found;
        if (Date.now() > deadline || child.exitCode !== null || child.signalCode !== null)
          throw new Error(`${script}: no sign of ${what}; last output: ${text.slice(-5).join(" | ")}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async stop() {
      killPid(pid, "SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000))]);
      for (const p of [pid, ...children]) {
        killPid(p, "SIGKILL");
        started.delete(p);
      }
    },
  };
}
