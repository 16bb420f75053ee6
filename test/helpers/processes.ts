import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import readline from "node:readline";
import { afterAll } from "vitest";
import { waitFor } from "./wait.ts";
import { isAlive, killPid } from "../../lib/pids.ts";

export { isAlive, killPid };

export const ROOT = path.resolve(import.meta.dirname, "../..");

/** Every process a test file starts, so none outlives it whatever the tests did. */
const started = new Set<number>();

afterAll(() => {
  for (const pid of started) killPid(pid, "SIGKILL");
  started.clear();
});

export interface Spawned {
  child: ChildProcess;
  pid: number;
  /** Every JSON log line printed so far. */
  logs: Record<string, any>[];
  /** The output lines that were not JSON (stderr included). */
  text: string[];
  exited: Promise<number | null>;
  waitForLog(predicate: (line: Record<string, any>) => boolean, what: string, timeoutMs?: number): Promise<Record<string, any>>;
}

/** Starts `node --import tsx <script>` (one pid per program) and collects its JSON log lines. */
export function spawnTs(script: string, args: string[], env: Record<string, string> = {}): Spawned {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, script), ...args], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "test", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const pid = child.pid!;
  started.add(pid);
  const logs: Record<string, any>[] = [];
  const text: string[] = [];
  const onLine = (line: string) => {
    if (line.startsWith("{")) {
      try {
        const parsed = JSON.parse(line);
        logs.push(parsed);
        if (typeof parsed.workerPid === "number") started.add(parsed.workerPid);
        return;
      } catch {
        // not JSON after all
      }
    }
    text.push(line);
    if (process.env.WMS_TEST_VERBOSE) process.stderr.write(`[${pid}] ${line}\n`);
  };
  readline.createInterface({ input: child.stdout! }).on("line", onLine);
  readline.createInterface({ input: child.stderr! }).on("line", onLine);
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  void exited.then(() => started.delete(pid));
  return {
    child,
    pid,
    logs,
    text,
    exited,
    waitForLog: (predicate, what, timeoutMs = 30_000) =>
      waitFor(() => logs.find(predicate), { what: `${what} (output so far: ${text.slice(-5).join(" | ")})`, timeoutMs }),
  };
}
