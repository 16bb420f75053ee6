import type { JobArgs, JobName, JobResult } from "../../../schema/jobs.ts";
import type { Tx } from "../db.ts";

export interface JobContext {
  /** The time of the batch: every job in one transaction sees the same clock. */
  now: Date;
  nodeId: string;
  /** Told about every lease written, so the worker knows when the next one ends. */
  leases?: { note(expiresAt: Date | null): void };
}

export type Handler<K extends JobName> = (tx: Tx, args: JobArgs<K>, ctx: JobContext) => Promise<JobResult<K>>;
export type HandlerTable = { [K in JobName]: Handler<K> };

export const actorOf = (args: { actor?: string }) => args.actor ?? "system";
