import type { JobArgs, JobName, JobResult } from "../../../schema/jobs.ts";
import type { Tx } from "../db.ts";

export interface JobContext {
  /** The time of the batch: every job in one transaction sees the same clock. */
  now: Date;
  nodeId: string;
}

export type Handler<K extends JobName> = (tx: Tx, args: JobArgs<K>, ctx: JobContext) => Promise<JobResult<K>>;
export type HandlerTable = { [K in JobName]: Handler<K> };

export const actorOf = (args: { actor?: string }) => args.actor ?? "system";
