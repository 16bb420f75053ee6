import { AppError, toWireError, type WireError } from "../../lib/errors.ts";
import type { Logger } from "../../lib/log.ts";
import { describeError } from "../../lib/log.ts";
import type { JobName } from "../../schema/jobs.ts";
import type { Db, Tx } from "./db.ts";
import { LeaseWatch } from "./domain/expiry.ts";
import { READ_JOBS } from "./handlers/index.ts";
import { runJob } from "./run-job.ts";

export interface QueuedJob {
  name: JobName;
  args: Record<string, unknown>;
  deadline: number;
  reply: (outcome: { ok: true; result: unknown } | { ok: false; error: WireError }) => void;
}

/**
 * Runs queued jobs one at a time in arrival order. Whatever has queued up while the previous batch
 * ran becomes the next batch and shares one transaction (group commit: one fsync for many writes);
 * each job runs inside its own savepoint, so a failing job undoes only itself and every job sees
 * exactly what it would have seen had they run one by one. Replies go out only after the commit.
 */
export class Drain {
  private readonly queue: QueuedJob[] = [];
  private readonly chores: (() => Promise<void>)[] = [];
  private running = false;
  private readonly leases = new LeaseWatch();

  constructor(
    private readonly db: Db,
    private readonly options: {
      nodeId: string;
      maxBatch: number;
      dev: boolean;
      log: Logger;
      /** Called before each batch (the data keys' cheap change check). */
      beforeBatch?: () => void;
    },
  ) {}

  push(job: QueuedJob): void {
    this.queue.push(job);
    if (!this.running) void this.run();
  }

  /** Runs `chore` outside any transaction: before the next batch, or at once when idle (e.g. a WAL checkpoint). */
  between(chore: () => Promise<void>): void {
    this.chores.push(chore);
    if (!this.running) void this.run();
  }

  get queued(): number {
    return this.queue.length;
  }

  /** Resolves once nothing is queued or running (for a clean stop: the batch under way commits). */
  async idle(): Promise<void> {
    while (this.running) await new Promise((resolve) => setTimeout(resolve, 5));
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      while (this.queue.length || this.chores.length) {
        for (const chore of this.chores.splice(0)) await chore().catch((error) => this.options.log.error("chore failed", describeError(error)));
        if (this.queue.length) await this.execute(this.queue.splice(0, this.options.maxBatch));
      }
    } finally {
      this.running = false;
    }
  }

  private async execute(batch: QueuedJob[]): Promise<void> {
    try {
      this.options.beforeBatch?.();
    } catch (error) {
      this.options.log.error("before-batch check failed", describeError(error));
    }
    const now = new Date();
    // A caller past its deadline was already told DB_UNAVAILABLE: running its write now would surprise it.
    const live = batch.filter((job) => job.deadline > now.getTime());
    const outcomes = new Map<QueuedJob, { ok: true; result: unknown } | { ok: false; error: WireError }>();
    const run = async (tx: Tx) => {
      for (const job of live) {
        // A read has nothing to undo, so it skips the two extra statements a savepoint costs.
        const savepoint = !READ_JOBS.has(job.name);
        if (savepoint) await tx.$executeRawUnsafe("SAVEPOINT job");
        try {
          const result = await runJob(tx, job.name, job.args ?? {}, { now, nodeId: this.options.nodeId, leases: this.leases });
          if (savepoint) await tx.$executeRawUnsafe("RELEASE job");
          outcomes.set(job, { ok: true, result });
        } catch (error) {
          if (savepoint) {
            await tx.$executeRawUnsafe("ROLLBACK TO job");
            await tx.$executeRawUnsafe("RELEASE job");
          }
          if (!(error instanceof AppError)) this.options.log.error("job failed", { job: job.name, ...describeError(error) });
          outcomes.set(job, { ok: false, error: toWireError(error, this.options.dev) });
        }
      }
    };
    // A batch of reads with no lease due writes nothing: it runs on the one connection without a
    // transaction, which is most of what a read costs Prisma. Results are the same: nothing else writes.
    const readOnly = live.every((job) => READ_JOBS.has(job.name)) && !this.leases.mayBeDue(now);
    try {
      if (readOnly) await run(this.db);
      else
        await this.db.$transaction(
          async (tx) => {
            await this.leases.expireDue(tx, now);
            await run(tx);
          },
          { timeout: 60_000, maxWait: 60_000 },
        );
    } catch (error) {
      // The commit itself failed: nothing of this batch is stored, whatever each job returned.
      this.leases.forget();
      this.options.log.error("batch transaction failed", { size: live.length, ...describeError(error) });
      for (const job of live) outcomes.set(job, { ok: false, error: { code: "DB_UNAVAILABLE", message: "The database could not commit; retry" } });
    }
    for (const job of live) job.reply(outcomes.get(job)!);
  }
}
