import { Dealer } from "zeromq";
import { AppError, dbUnavailable, fromWireError } from "../../lib/errors.ts";
import type { JobArgs, JobName, JobResult } from "../../schema/jobs.ts";
import { decode, encode, type JobReply, type JobRequest } from "./protocol.ts";

export interface QueueClientOptions {
  endpoint: string;
  /** Deadline of a call unless the call gives its own. */
  timeoutMs: number;
  /** Calls waiting for a reply beyond this are refused at once (back-pressure). */
  maxInFlight?: number;
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: AppError) => void;
  timer: NodeJS.Timeout;
}

/**
 * The node's only way to the database: named jobs over a DEALER socket to the worker's ROUTER.
 * Every call has a deadline, so a dead worker costs a caller a `DB_UNAVAILABLE`, never a hang.
 */
export class QueueClient {
  private readonly socket: Dealer;
  private readonly pending = new Map<string, Pending>();
  private readonly outbox: { frames: Buffer[]; deadline: number }[] = [];
  private pumping = false;
  private nextId = 0;
  private closed = false;

  constructor(private readonly options: QueueClientOptions) {
    // linger 0: never hold the process open for unsent frames; sendHighWaterMark bounds memory.
    this.socket = new Dealer({ linger: 0, sendHighWaterMark: 10_000, receiveHighWaterMark: 10_000 });
    this.socket.connect(options.endpoint);
    void this.receiveLoop();
  }

  get inFlight(): number {
    return this.pending.size;
  }

  call<K extends JobName>(name: K, args: JobArgs<K>, options: { timeoutMs?: number } = {}): Promise<JobResult<K>> {
    if (this.closed) return Promise.reject(dbUnavailable("The database queue is closed"));
    if (this.pending.size >= (this.options.maxInFlight ?? 10_000))
      return Promise.reject(dbUnavailable("The database is overloaded; try again shortly"));
    const timeoutMs = options.timeoutMs ?? this.options.timeoutMs;
    const id = (this.nextId++).toString(36);
    const deadline = Date.now() + timeoutMs;
    return new Promise<JobResult<K>>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(dbUnavailable(`The database did not answer within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, timer });
      const request: JobRequest = { name, args, deadline };
      this.outbox.push({ frames: [Buffer.from(id), encode(request)], deadline });
      void this.pump();
    });
  }

  /** The worker died: calls in flight may or may not have committed, so they fail now rather than wait. */
  failInFlight(reason: string): void {
    for (const [id, call] of this.pending) {
      clearTimeout(call.timer);
      call.reject(dbUnavailable(`${reason}; the outcome is unknown, retry with the same idempotencyKey`));
      this.pending.delete(id);
    }
  }

  close(): void {
    this.closed = true;
    this.failInFlight("The database queue closed");
    this.socket.close();
  }

  // zeromq allows one pending send per socket: a single pump sends frames in order.
  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.outbox.length && !this.closed) {
        const next = this.outbox.shift()!;
        if (next.deadline <= Date.now()) continue;
        await this.socket.send(next.frames);
      }
    } catch (error) {
      if (!this.closed) throw error;
    } finally {
      this.pumping = false;
    }
  }

  private async receiveLoop(): Promise<void> {
    try {
      for await (const [idFrame, replyFrame] of this.socket) {
        const id = idFrame?.toString() ?? "";
        const call = this.pending.get(id);
        if (!call) continue; // the caller already gave up
        this.pending.delete(id);
        clearTimeout(call.timer);
        let reply: JobReply;
        try {
          reply = decode<JobReply>(replyFrame);
        } catch {
          // A garbled reply fails its own call only; the loop keeps serving the others.
          call.reject(dbUnavailable("The database worker sent an unreadable reply"));
          continue;
        }
        if (reply?.ok) call.resolve(reply.result);
        else call.reject(fromWireError(reply?.error ?? { code: "INTERNAL_SERVER_ERROR", message: "Malformed reply" }));
      }
    } catch (error) {
      if (!this.closed) throw error;
    }
  }
}
