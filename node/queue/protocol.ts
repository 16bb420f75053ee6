import type { WireError } from "../../lib/errors.ts";
import type { JobName } from "../../schema/jobs.ts";

/**
 * Frames between the node (DEALER) and its db worker (ROUTER). The DEALER sends
 * `[requestId, request]`; the ROUTER sees `[peerIdentity, requestId, request]` and answers
 * `[peerIdentity, requestId, reply]`. Request ids let many calls be in flight at once.
 */
export interface JobRequest {
  name: JobName;
  args: unknown;
  /** Epoch ms after which the caller has given up: the worker skips the job rather than run it late. */
  deadline: number;
}

export type JobReply = { ok: true; result: unknown } | { ok: false; error: WireError };

export function workerEndpoint(dataDir: string): string {
  return `ipc://${dataDir}/worker.sock`;
}

export const encode = (value: unknown) => Buffer.from(JSON.stringify(value));
export const decode = <T>(frame: Buffer | undefined): T => JSON.parse(frame ? frame.toString("utf8") : "null") as T;
