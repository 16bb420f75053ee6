import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { Logger } from "../lib/log.ts";
import type { QueueClient } from "./queue/client.ts";
import type { WorkerConfig } from "./worker/main.ts";

const WORKER_MAIN = fileURLToPath(new URL("./worker/main.ts", import.meta.url));

/**
 * Starts the db worker and restarts it whenever it dies, with a capped back-off so a worker that
 * cannot start does not spin. Calls in flight when it dies fail at once with DB_UNAVAILABLE.
 */
export class WorkerSupervisor {
  private child: ChildProcess | null = null;
  private stopping = false;
  private restartDelayMs = 100;
  private startedAt = 0;
  private restartTimer: NodeJS.Timeout | null = null;
  /** True between the worker's "ready" message and its exit. */
  ready = false;
  restarts = 0;

  constructor(
    private readonly config: WorkerConfig,
    private readonly queue: QueueClient,
    private readonly log: Logger,
  ) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  start(): void {
    this.stopping = false;
    this.startedAt = Date.now();
    const child = spawn(process.execPath, ["--import", "tsx", WORKER_MAIN], {
      env: { ...process.env, WMS_WORKER_CONFIG: JSON.stringify(this.config) },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    this.child = child;
    this.log.info("db worker started", { workerPid: child.pid });
    child.on("message", (message: { type?: string }) => {
      if (message?.type === "ready") this.ready = true;
    });
    child.on("exit", (code, signal) => {
      this.ready = false;
      this.child = null;
      this.queue.failInFlight("The database worker stopped");
      if (this.stopping) return;
      // A worker that lived a while gets restarted at once; one that keeps dying waits longer each time.
      if (Date.now() - this.startedAt > 10_000) this.restartDelayMs = 100;
      this.log.warn("db worker exited; restarting", { code, signal, inMs: this.restartDelayMs });
      this.restartTimer = setTimeout(() => {
        this.restarts++;
        this.start();
      }, this.restartDelayMs);
      this.restartDelayMs = Math.min(this.restartDelayMs * 2, 5000);
    });
  }

  /** Waits (bounded) for the worker to say it is ready. */
  async waitReady(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!this.ready && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
    return this.ready;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    const child = this.child;
    if (!child) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 3000);
    await exited;
    clearTimeout(timer);
  }
}
