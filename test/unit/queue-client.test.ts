import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Router } from "zeromq";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "../../lib/errors.ts";
import { QueueClient } from "../../node/queue/client.ts";
import { decode, encode, workerEndpoint, type JobReply, type JobRequest } from "../../node/queue/protocol.ts";
import { waitFor } from "../helpers/wait.ts";

interface Received {
  identity: Buffer;
  requestId: Buffer;
  request: JobRequest;
}

/** A stand-in for the db worker: a ROUTER that records requests and answers through `answer` (or not at all). */
class FakeWorker {
  readonly router = new Router({ linger: 0 });
  readonly received: Received[] = [];
  private sending: Promise<void> = Promise.resolve();

  constructor(private readonly answer: (request: JobRequest, received: Received) => JobReply | undefined = () => undefined) {}

  async bind(endpoint: string): Promise<this> {
    await this.router.bind(endpoint);
    void this.loop();
    return this;
  }

  /** Sends a reply; sends are chained, as a zeromq socket allows one pending send. */
  reply(to: Received, reply: JobReply | Buffer): Promise<void> {
    this.sending = this.sending.then(() => this.router.send([to.identity, to.requestId, Buffer.isBuffer(reply) ? reply : encode(reply)]));
    return this.sending;
  }

  close(): void {
    if (!this.router.closed) this.router.close();
  }

  private async loop(): Promise<void> {
    try {
      for await (const [identity, requestId, payload] of this.router) {
        const received = { identity: identity!, requestId: requestId!, request: decode<JobRequest>(payload) };
        this.received.push(received);
        const reply = this.answer(received.request, received);
        if (reply) void this.reply(received, reply);
      }
    } catch (error) {
      if (!this.router.closed) throw error;
    }
  }
}

let tmp: string;
let endpoint: string;
const clients: QueueClient[] = [];
const workers: FakeWorker[] = [];

beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "wms-q-"));
  endpoint = workerEndpoint(tmp);
});
afterEach(() => {
  for (const client of clients.splice(0)) client.close();
  for (const worker of workers.splice(0)) worker.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

function client(options: { timeoutMs?: number; maxInFlight?: number } = {}): QueueClient {
  const c = new QueueClient({ endpoint, timeoutMs: options.timeoutMs ?? 10_000, maxInFlight: options.maxInFlight });
  clients.push(c);
  return c;
}
function worker(answer?: (request: JobRequest, received: Received) => JobReply | undefined): Promise<FakeWorker> {
  const w = new FakeWorker(answer);
  workers.push(w);
  return w.bind(endpoint);
}

/** The AppError a call rejects with (it must reject with one). */
async function rejection(call: Promise<unknown>): Promise<AppError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

describe("QueueClient", () => {
  it("uses an ipc endpoint inside the data folder", () => {
    expect(endpoint).toBe(`ipc://${tmp}/worker.sock`);
  });

  it("fails a call with DB_UNAVAILABLE when no worker answers before its deadline", { timeout: 15_000 }, async () => {
    const q = client({ timeoutMs: 200 });
    const error = await rejection(q.call("ping", {}));
    expect(error.code).toBe("DB_UNAVAILABLE");
    expect(error.message).toContain("200 ms");
    expect(q.inFlight).toBe(0);
  });

  it("lets a call set its own deadline", { timeout: 15_000 }, async () => {
    // The client's default would outlast the test; the call's own 200 ms must apply.
    const q = client({ timeoutMs: 600_000 });
    expect((await rejection(q.call("ping", {}, { timeoutMs: 200 }))).code).toBe("DB_UNAVAILABLE");
  });

  it("sends [requestId, {name, args, deadline}] and resolves with the worker's result", async () => {
    const w = await worker((request) => ({ ok: true, result: { echoed: request.args } }));
    const q = client({ timeoutMs: 5_000 });
    const before = Date.now();
    const result = await q.call("getProduct", { sku: "A-1" });
    const after = Date.now();
    expect(result).toEqual({ echoed: { sku: "A-1" } });
    expect(w.received).toHaveLength(1);
    const { request, requestId } = w.received[0]!;
    expect(request.name).toBe("getProduct");
    expect(request.args).toEqual({ sku: "A-1" });
    // The deadline travels with the job, so the worker can skip it once the caller gave up.
    expect(request.deadline).toBeGreaterThanOrEqual(before + 5_000);
    expect(request.deadline).toBeLessThanOrEqual(after + 5_000);
    expect(requestId.length).toBeGreaterThan(0);
    expect(q.inFlight).toBe(0);
  });

  it("reaches a worker that binds after the client connected", async () => {
    const q = client({ timeoutMs: 20_000 });
    const call = q.call("ping", {});
    await worker(() => ({ ok: true, result: { ok: true, pid: 1 } }));
    expect(await call).toEqual({ ok: true, pid: 1 });
  });

  it("rejects with the code, message and details of the worker's error", async () => {
    await worker((request) =>
      request.name === "getProduct"
        ? { ok: false, error: { code: "NOT_FOUND", message: "No product with sku X", details: { sku: "X" } } }
        : { ok: false, error: { code: "NO_SUCH_CODE" as never, message: "odd" } },
    );
    const q = client();
    const error = await rejection(q.call("getProduct", { sku: "X" }));
    expect(error.code).toBe("NOT_FOUND");
    expect(error.message).toBe("No product with sku X");
    expect(error.details).toEqual({ sku: "X" });
    // A code outside schema/errors.ts is not passed on as is.
    expect((await rejection(q.call("ping", {}))).code).toBe("INTERNAL_SERVER_ERROR");
  });

  it("matches replies to calls by request id, whatever order they come back in", async () => {
    const count = 500;
    const w = await worker(); // records, answers below
    const q = client({ timeoutMs: 30_000 });
    const calls = Array.from({ length: count }, (_, i) => q.call("getProduct", { sku: `S-${i}` }));
    expect(q.inFlight).toBe(count);
    await waitFor(() => w.received.length === count, { what: `${count} requests at the fake worker` });
    expect(new Set(w.received.map((r) => r.requestId.toString())).size).toBe(count);
    // Answer newest first, each with the sku it was asked about.
    for (const received of [...w.received].reverse()) void w.reply(received, { ok: true, result: { sku: (received.request.args as { sku: string }).sku } });
    const results = await Promise.all(calls);
    expect(results).toEqual(Array.from({ length: count }, (_, i) => ({ sku: `S-${i}` })));
    expect(q.inFlight).toBe(0);
  });

  it("ignores a reply that comes after its call gave up", { timeout: 15_000 }, async () => {
    const w = await worker();
    const q = client({ timeoutMs: 10_000 });
    const late = q.call("getProduct", { sku: "LATE" }, { timeoutMs: 200 });
    await waitFor(() => w.received.length === 1, { what: "the first request" });
    expect((await rejection(late)).code).toBe("DB_UNAVAILABLE");

    const next = q.call("getProduct", { sku: "NEXT" });
    await waitFor(() => w.received.length === 2, { what: "the second request" });
    await w.reply(w.received[0]!, { ok: true, result: { sku: "LATE" } });
    await w.reply(w.received[1]!, { ok: true, result: { sku: "NEXT" } });
    expect(await next).toEqual({ sku: "NEXT" });
  });

  it("failInFlight rejects every pending call with DB_UNAVAILABLE, and the client still works after", async () => {
    const w = await worker();
    const q = client({ timeoutMs: 60_000 });
    const calls = [q.call("ping", {}), q.call("getProduct", { sku: "A" }), q.call("listProducts", {})];
    await waitFor(() => w.received.length === 3, { what: "three requests in flight" });
    q.failInFlight("The database worker stopped");
    expect(q.inFlight).toBe(0);
    for (const call of calls) {
      const error = await rejection(call);
      expect(error.code).toBe("DB_UNAVAILABLE");
      expect(error.message).toContain("The database worker stopped");
      expect(error.message).toContain("idempotencyKey");
    }
    // Answers for the failed calls are dropped; a new call gets its own.
    for (const received of w.received) await w.reply(received, { ok: true, result: "stale" });
    const next = q.call("ping", {});
    await waitFor(() => w.received.length === 4, { what: "the fourth request" });
    await w.reply(w.received[3]!, { ok: true, result: "fresh" });
    expect(await next).toBe("fresh");
  });

  it("refuses calls beyond maxInFlight at once", async () => {
    await worker(); // never answers
    const q = client({ timeoutMs: 60_000, maxInFlight: 2 });
    const held = [q.call("ping", {}), q.call("ping", {})];
    const refused = await rejection(q.call("ping", {}));
    expect(refused.code).toBe("DB_UNAVAILABLE");
    expect(refused.message).toMatch(/overloaded/);
    expect(q.inFlight).toBe(2);
    q.failInFlight("test over");
    for (const call of held) expect((await rejection(call)).code).toBe("DB_UNAVAILABLE");
  });

  it("fails pending and later calls with DB_UNAVAILABLE once closed", async () => {
    await worker();
    const q = client({ timeoutMs: 60_000 });
    const pending = q.call("ping", {});
    q.close();
    expect((await rejection(pending)).code).toBe("DB_UNAVAILABLE");
    expect((await rejection(q.call("ping", {}))).code).toBe("DB_UNAVAILABLE");
  });
});
