import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createLogger } from "../../lib/log.ts";
import type { JobArgs, JobName, MovementDto, ProductDto, ReservationDto } from "../../schema/jobs.ts";
import { FieldCipher } from "../../node/worker/crypto/field-cipher.ts";
import { Keyring } from "../../node/worker/crypto/keyring.ts";
import { installFieldCipher } from "../../node/worker/crypto/sealed-columns.ts";
import { openDatabase, type Db, type Tx } from "../../node/worker/db.ts";
import { expireDue } from "../../node/worker/domain/expiry.ts";
import { Drain, type QueuedJob } from "../../node/worker/drain.ts";
import { handlers } from "../../node/worker/handlers/index.ts";
import { migrate } from "../../node/worker/migrate.ts";

type Outcome = Parameters<QueuedJob["reply"]>[0];
/** A reply with the transaction it committed in and its place among all replies. */
interface Replied {
  outcome: Outcome;
  tx: number;
  order: number;
}

let tmp: string;
let db: Db;
let logLines: string[];
/** Counts the batch transactions the drain opens; `current` is the one running (or just committed). */
let txs: { count: number; current: number; failCommit: boolean };
let drain: Drain;
let replies: number;

/** A Db whose $transaction is counted and can be made to fail at commit; everything else is the real client. */
function tracked(real: Db): Db {
  const $transaction = (fn: (tx: Tx) => Promise<unknown>, options?: object) =>
    real.$transaction(async (tx) => {
      txs.current = ++txs.count;
      const result = await fn(tx);
      if (txs.failCommit) throw new Error("disk I/O error");
      return result;
    }, options);
  return new Proxy(real, { get: (target, prop) => (prop === "$transaction" ? $transaction : Reflect.get(target, prop)) });
}

function newDrain(options: { maxBatch?: number; dev?: boolean } = {}) {
  return new Drain(tracked(db), {
    nodeId: "test",
    maxBatch: options.maxBatch ?? 64,
    dev: options.dev ?? false,
    log: createLogger({}, (line) => logLines.push(line)),
  });
}

beforeEach(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "wms-drain-"));
  const file = path.join(tmp, "warehouse.db");
  migrate(file);
  // The worker refuses to write sensitive columns without data keys; these live in the temp folder.
  installFieldCipher(new FieldCipher(Keyring.open({ file: path.join(tmp, "data-keys.json") })));
  db = await openDatabase(file);
  logLines = [];
  txs = { count: 0, current: 0, failCommit: false };
  replies = 0;
  drain = newDrain();
});

afterEach(async () => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  await db.$disconnect();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** Queues a job; resolves with its reply. */
function send<K extends JobName>(name: K, args: JobArgs<K>, deadline = Date.now() + 60_000, target = drain): Promise<Replied> {
  return new Promise((resolve) =>
    target.push({
      name,
      args: args as Record<string, unknown>,
      deadline,
      reply: (outcome) => resolve({ outcome, tx: txs.current, order: ++replies }),
    }),
  );
}

async function resultOf<T = any>(reply: Promise<Replied>): Promise<T> {
  const { outcome } = await reply;
  if (!outcome.ok) throw new Error(`job failed: ${JSON.stringify(outcome.error)}`);
  return outcome.result as T;
}

async function errorOf(reply: Promise<Replied>) {
  const { outcome } = await reply;
  if (outcome.ok) throw new Error(`job succeeded: ${JSON.stringify(outcome.result)}`);
  return outcome.error;
}

/** Runs one job to completion and returns its result. */
const run = <K extends JobName>(name: K, args: JobArgs<K>) => resultOf(send(name, args));

const movementsOf = (sku: string) => db.movement.findMany({ where: { sku }, orderBy: { id: "asc" } });

/** Product rows that break the ledger rules (empty when it holds). */
async function ledgerViolations() {
  const bad: unknown[] = [];
  for (const p of await db.product.findMany()) {
    const moved = (await db.movement.findMany({ where: { sku: p.sku }, orderBy: { id: "asc" } }));
    const held = await db.reservation.findMany({ where: { sku: p.sku, status: "ACTIVE" } });
    const ledger = moved.reduce((sum, m) => sum + m.quantity, 0);
    const last = moved.length ? moved[moved.length - 1]!.balanceAfter : null;
    const heldQty = held.reduce((sum, r) => sum + r.quantity, 0);
    if (p.onHand !== ledger || p.reserved < 0 || p.reserved > p.onHand || p.reserved !== heldQty || (last !== null && last !== p.onHand))
      bad.push({ sku: p.sku, onHand: p.onHand, reserved: p.reserved, ledger, heldQty, last });
  }
  return bad;
}

describe("Drain", () => {
  it("runs the jobs queued behind a batch together, in arrival order, in one transaction", async () => {
    await run("createProduct", { sku: "A", name: "A", price: "1.00", quantity: 0 });
    const blocker = send("ping", {});
    const batch = [
      send("recordMovement", { sku: "A", kind: "PURCHASE", quantity: 5 }),
      // Succeeds only if the purchase before it already ran.
      send("recordMovement", { sku: "A", kind: "SALE", quantity: 5 }),
      send("recordMovement", { sku: "A", kind: "PURCHASE", quantity: 2 }),
      send("reserve", { sku: "A", quantity: 1, expiresInSeconds: 600 }),
      send("reserve", { sku: "A", quantity: 1, expiresInSeconds: 600 }),
      send("getProduct", { sku: "A" }),
    ];
    await blocker;
    const done = await Promise.all(batch);
    expect(done.map((r) => r.outcome.ok)).toEqual([true, true, true, true, true, true]);
    // One transaction for the whole batch.
    expect(new Set(done.map((r) => r.tx)).size).toBe(1);
    // Replies in arrival order.
    expect(done.map((r) => r.order)).toEqual([...done.map((r) => r.order)].sort((a, b) => a - b));
    const balances = (await Promise.all(batch.slice(0, 3).map((r) => resultOf<MovementDto>(r)))).map((m) => m.balanceAfter);
    expect(balances).toEqual([5, 0, 2]);
    // Every job of a batch sees the same clock.
    const [r1, r2] = await Promise.all([resultOf<ReservationDto>(batch[3]!), resultOf<ReservationDto>(batch[4]!)]);
    expect(r1.expiresAt).not.toBeNull();
    expect(r1.expiresAt).toBe(r2.expiresAt);
    expect(await resultOf<ProductDto>(batch[5]!)).toMatchObject({ onHand: 2, reserved: 2, available: 0 });
    expect((await movementsOf("A")).map((m) => m.quantity)).toEqual([5, -5, 2]);
  });

  it("splits what is queued into batches of at most maxBatch, keeping the order", async () => {
    drain = newDrain({ maxBatch: 3 });
    await run("createProduct", { sku: "A", name: "A", price: "1.00" });
    const blocker = send("ping", {});
    const batch = Array.from({ length: 7 }, (_, i) => send("recordMovement", { sku: "A", kind: "PURCHASE", quantity: i + 1 }));
    expect(drain.queued).toBe(7);
    await blocker;
    const done = await Promise.all(batch);
    expect(done.every((r) => r.outcome.ok)).toBe(true);
    const sizes = [...done.reduce((m, r) => m.set(r.tx, (m.get(r.tx) ?? 0) + 1), new Map<number, number>()).values()];
    expect(sizes).toEqual([3, 3, 1]);
    expect((await movementsOf("A")).map((m) => m.quantity)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(drain.queued).toBe(0);
  });

  it("rolls back only the failing job of a batch: the jobs before and after it commit", async () => {
    await run("createProduct", { sku: "A", name: "A", price: "1.00", quantity: 5 });
    const blocker = send("ping", {});
    const before = send("recordMovement", { sku: "A", kind: "PURCHASE", quantity: 2 });
    const failing = send("recordMovement", { sku: "A", kind: "SALE", quantity: 100 });
    const after = send("recordMovement", { sku: "A", kind: "SALE", quantity: 3 });
    const create = send("createProduct", { sku: "B", name: "B", price: "2.00", quantity: 1 });
    await blocker;
    const done = await Promise.all([before, failing, after, create]);
    expect(new Set(done.map((r) => r.tx)).size).toBe(1);

    expect(await resultOf<MovementDto>(before)).toMatchObject({ quantity: 2, balanceAfter: 7 });
    expect(await errorOf(failing)).toMatchObject({
      code: "INSUFFICIENT_STOCK",
      details: { sku: "A", available: 7, requested: 100 },
    });
    expect(await resultOf<MovementDto>(after)).toMatchObject({ quantity: -3, balanceAfter: 4 });
    expect(await resultOf<ProductDto>(create)).toMatchObject({ sku: "B", onHand: 1 });

    expect(await db.product.findUnique({ where: { sku: "A" } })).toMatchObject({ onHand: 4, reserved: 0 });
    expect((await movementsOf("A")).map((m) => [m.kind, m.quantity, m.balanceAfter])).toEqual([
      ["ADJUSTMENT", 5, 5],
      ["PURCHASE", 2, 7],
      ["SALE", -3, 4],
    ]);
    expect(logLines).toEqual([]); // an AppError is an answer, not a log entry
    expect(await ledgerViolations()).toEqual([]);
  });

  it("undoes the writes a job made before it threw, and masks an unexpected error", async () => {
    await run("createProduct", { sku: "A", name: "A", price: "1.00", quantity: 5 });
    vi.spyOn(handlers, "deleteProduct").mockImplementation(async (tx) => {
      await tx.product.update({ where: { sku: "A" }, data: { onHand: 999, name: "half-written" } });
      await tx.movement.create({ data: { sku: "A", kind: "ADJUSTMENT", quantity: 994, balanceAfter: 999, actor: "x" } });
      throw new Error("secret internals");
    });
    const blocker = send("ping", {});
    const before = send("recordMovement", { sku: "A", kind: "PURCHASE", quantity: 1 });
    const broken = send("deleteProduct", { sku: "A" });
    const after = send("recordMovement", { sku: "A", kind: "PURCHASE", quantity: 1 });
    await blocker;
    expect(await resultOf<MovementDto>(before)).toMatchObject({ balanceAfter: 6 });
    expect(await errorOf(broken)).toEqual({ code: "INTERNAL_SERVER_ERROR", message: "Unexpected error" });
    // The job after it saw the state without the broken job's writes.
    expect(await resultOf<MovementDto>(after)).toMatchObject({ balanceAfter: 7 });
    expect(await db.product.findUnique({ where: { sku: "A" } })).toMatchObject({ onHand: 7, name: "A", archived: false });
    expect((await movementsOf("A")).map((m) => m.quantity)).toEqual([5, 1, 1]);
    const logged = logLines.map((l) => JSON.parse(l));
    expect(logged).toEqual([expect.objectContaining({ level: "error", msg: "job failed", job: "deleteProduct", error: "secret internals" })]);
  });

  it("passes an unexpected error's message through in dev mode", async () => {
    drain = newDrain({ dev: true });
    vi.spyOn(handlers, "ping").mockRejectedValue(new Error("details for developers"));
    expect(await errorOf(send("ping", {}))).toEqual({ code: "INTERNAL_SERVER_ERROR", message: "details for developers" });
  });

  it("does not run a job whose deadline has passed, and does not answer it", async () => {
    const blocker = send("ping", {});
    let answered = false;
    drain.push({
      name: "createProduct",
      args: { sku: "LATE", name: "Late", price: "1.00", quantity: 3 },
      deadline: Date.now() - 1,
      reply: () => {
        answered = true;
      },
    });
    const next = send("getProduct", { sku: "LATE" });
    await blocker;
    // The job behind it is answered, so the late one's batch is over.
    expect(await resultOf(next)).toBeNull();
    expect(answered).toBe(false);
    expect(await db.product.count()).toBe(0);
    expect(await db.movement.count()).toBe(0);
  });

  it("answers every job of a batch DB_UNAVAILABLE and stores none of it when the commit fails, then carries on", async () => {
    await run("createProduct", { sku: "A", name: "A", price: "1.00", quantity: 5 });
    txs.failCommit = true;
    const jobs = [
      send("recordMovement", { sku: "A", kind: "PURCHASE", quantity: 2 }),
      send("createProduct", { sku: "B", name: "B", price: "1.00" }),
      send("recordMovement", { sku: "A", kind: "SALE", quantity: 100 }),
    ];
    for (const job of jobs) expect((await errorOf(job)).code).toBe("DB_UNAVAILABLE");
    expect(logLines.map((l) => JSON.parse(l).msg)).toContain("batch transaction failed");
    txs.failCommit = false;
    expect(await db.product.findUnique({ where: { sku: "B" } })).toBeNull();
    expect((await movementsOf("A")).map((m) => m.quantity)).toEqual([5]);
    expect(await run("recordMovement", { sku: "A", kind: "PURCHASE", quantity: 1 })).toMatchObject({ balanceAfter: 6 });
  });

  it("refuses a page cursor it never gave out with BAD_USER_INPUT, not an internal error", async () => {
    await run("createProduct", { sku: "A", name: "A", price: "1.00", quantity: 1 });
    const forged = (json: string) => Buffer.from(json).toString("base64url");
    // "garbage" is refused today; a well-formed cursor whose number overflows to ±Infinity reaches Prisma
    // and comes back as INTERNAL_SERVER_ERROR (see decodeCursor in lib/cursor.ts).
    for (const after of ["garbage", forged('{"k":1e400}'), forged('{"k":-1e400}')]) {
      const error = await errorOf(send("listMovements", { after }));
      expect(error, `after=${after}`).toMatchObject({ code: "BAD_USER_INPUT", details: { field: "after" } });
    }
    expect(logLines).toEqual([]);
  });

  it("calls beforeBatch before each batch and runs chores outside any transaction, even when idle", async () => {
    const events: string[] = [];
    const hooked = new Drain(tracked(db), { nodeId: "test", maxBatch: 64, dev: false, log: createLogger({}, () => {}), beforeBatch: () => events.push("check") });
    await send("ping", {}, undefined, hooked);
    await new Promise<void>((resolve) =>
      hooked.between(async () => {
        // The kind of chore that has no business inside a batch transaction.
        await db.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
        events.push("chore");
        resolve();
      }),
    );
    await send("ping", {}, undefined, hooked);
    expect(events).toEqual(["check", "chore", "check"]);
  });

  it("refuses an unknown job with BAD_USER_INPUT", async () => {
    expect((await errorOf(send("noSuchJob" as JobName, {} as never))).code).toBe("BAD_USER_INPUT");
  });
});

describe("read-only batches", () => {
  it("run without a transaction once no lease can be due, and with one while it can", async () => {
    await run("createProduct", { sku: "R", name: "R", price: "1.00", quantity: 3 });
    await run("getProduct", { sku: "R" }); // learns that no lease is pending
    const before = txs.count;
    const reads = await Promise.all([send("getProduct", { sku: "R" }), send("listProducts", {}), send("listMovements", { sku: "R" })]);
    expect(reads.map((r) => r.outcome.ok)).toEqual([true, true, true]);
    expect((reads[0]!.outcome as { result: ProductDto }).result.onHand).toBe(3);
    expect(txs.count).toBe(before);

    const start = Date.now();
    vi.useFakeTimers({ toFake: ["Date"], now: start });
    await run("reserve", { sku: "R", quantity: 1, expiresInSeconds: 1 });
    vi.setSystemTime(start + 2_000);
    const afterLease = txs.count;
    // A read that could see an expired lease goes through a transaction that expires it first.
    expect(await run("getProduct", { sku: "R" })).toMatchObject({ reserved: 0, available: 3 });
    expect(txs.count).toBe(afterLease + 1);
  });
});

describe("idempotency keys", () => {
  beforeEach(async () => {
    await run("createProduct", { sku: "A", name: "A", price: "1.00", quantity: 10 });
  });

  it("return the first result for a repeat and write nothing new", async () => {
    const input = { sku: "A", kind: "PURCHASE" as const, quantity: 4, reference: "PO-1", idempotencyKey: "buy-1" };
    const first = await run("recordMovement", input);
    const movements = await db.movement.count();
    // A repeat from someone else, with absent fields spelled as null, is the same request.
    const again = await run("recordMovement", { ...input, counterparty: null, actor: "someone-else" });
    expect(again).toEqual(first);
    expect(await db.movement.count()).toBe(movements);
    expect(await db.product.findUnique({ where: { sku: "A" } })).toMatchObject({ onHand: 14 });
    expect(await db.idempotencyKey.count()).toBe(1);
  });

  it("deduplicate repeats queued in the same batch", async () => {
    const input = { sku: "A", kind: "SALE" as const, quantity: 3, idempotencyKey: "sale-1" };
    const blocker = send("ping", {});
    const copies = [send("recordMovement", input), send("recordMovement", input), send("recordMovement", input)];
    await blocker;
    const results = await Promise.all(copies.map((c) => resultOf<MovementDto>(c)));
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
    expect((await movementsOf("A")).map((m) => m.quantity)).toEqual([10, -3]);
  });

  it("refuse the same key with other input or for another job with CONFLICT", async () => {
    await run("recordMovement", { sku: "A", kind: "PURCHASE", quantity: 4, idempotencyKey: "k" });
    const otherArgs = await errorOf(send("recordMovement", { sku: "A", kind: "PURCHASE", quantity: 5, idempotencyKey: "k" }));
    expect(otherArgs).toMatchObject({ code: "CONFLICT", details: { idempotencyKey: "k" } });
    const otherJob = await errorOf(send("createProduct", { sku: "B", name: "B", price: "1.00", idempotencyKey: "k" }));
    expect(otherJob.code).toBe("CONFLICT");
    expect(await db.product.findUnique({ where: { sku: "B" } })).toBeNull();
    expect((await movementsOf("A")).map((m) => m.quantity)).toEqual([10, 4]);
  });

  it("are not spent by a request that failed", async () => {
    const sale = { sku: "A", kind: "SALE" as const, quantity: 15, idempotencyKey: "big-sale" };
    expect((await errorOf(send("recordMovement", sale))).code).toBe("INSUFFICIENT_STOCK");
    expect(await db.idempotencyKey.count()).toBe(0);
    await run("recordMovement", { sku: "A", kind: "PURCHASE", quantity: 5 });
    expect(await run("recordMovement", sale)).toMatchObject({ quantity: -15, balanceAfter: 0 });
  });

  it("must be 1-200 characters", async () => {
    for (const key of ["", "   ", "x".repeat(201)])
      expect(await errorOf(send("recordMovement", { sku: "A", kind: "PURCHASE", quantity: 1, idempotencyKey: key }))).toMatchObject({
        code: "BAD_USER_INPUT",
        details: { field: "idempotencyKey" },
      });
    expect(await run("recordMovement", { sku: "A", kind: "PURCHASE", quantity: 1, idempotencyKey: "x".repeat(200) })).toMatchObject({ quantity: 1 });
  });
});

describe("the ledger", () => {
  it("holds after a mixed batch of successes and failures", async () => {
    // A small deterministic generator, so a failure is reproducible.
    let seed = 12345;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const skus = ["A", "B", "C"];
    drain = newDrain({ maxBatch: 1000 });
    for (const sku of skus) await run("createProduct", { sku, name: sku, price: "1.00", quantity: 20 });

    const blocker = send("ping", {});
    const first: Promise<Replied>[] = [];
    for (let i = 0; i < 150; i++) {
      const sku = skus[random(3)]!;
      const quantity = 1 + random(12);
      switch (random(6)) {
        case 0:
          first.push(send("recordMovement", { sku, kind: "PURCHASE", quantity }));
          break;
        case 1:
          first.push(send("recordMovement", { sku, kind: "SALE", quantity }));
          break;
        case 2:
          first.push(send("recordMovement", { sku, kind: "ADJUSTMENT", quantity: quantity - 6 || 1 }));
          break;
        case 3:
          first.push(send("updateProduct", { sku, quantity: random(30) }));
          break;
        default:
          first.push(send("reserve", { sku, quantity }));
      }
    }
    await blocker;
    const outcomes = await Promise.all(first);
    expect(new Set(outcomes.map((r) => r.tx)).size).toBe(1);
    const codes = new Set(outcomes.map((r) => (r.outcome.ok ? "ok" : r.outcome.error.code)));
    // The batch really mixed successes with refusals.
    expect(codes).toEqual(new Set(["ok", "INSUFFICIENT_STOCK"]));
    expect(await ledgerViolations()).toEqual([]);

    const active = await db.reservation.findMany({ where: { status: "ACTIVE" }, orderBy: { id: "asc" } });
    expect(active.length).toBeGreaterThan(3);
    const blocker2 = send("ping", {});
    const second = active.flatMap((r, i) => [
      i % 2 ? send("fulfillReservation", { id: r.id }) : send("releaseReservation", { id: r.id }),
      send("recordMovement", { sku: r.sku, kind: "SALE", quantity: 1 + (i % 5) }),
      // A second release of the same reservation in the same batch is refused.
      send("releaseReservation", { id: r.id }),
    ]);
    second.push(send("deleteProduct", { sku: "C" }));
    await blocker2;
    const outcomes2 = await Promise.all(second);
    for (let i = 0; i < active.length; i++) expect(outcomes2[3 * i]!.outcome.ok).toBe(true);
    for (let i = 0; i < active.length; i++) expect((await errorOf(Promise.resolve(outcomes2[3 * i + 2]!))).code).toBe("CONFLICT");
    expect(await db.reservation.count({ where: { status: "ACTIVE" } })).toBe(0);
    expect(await ledgerViolations()).toEqual([]);
    for (const p of await db.product.findMany()) expect(p.reserved).toBe(0);
  });
});

describe("reservation expiry", () => {
  beforeEach(async () => {
    await run("createProduct", { sku: "A", name: "A", price: "1.00", quantity: 10 });
  });

  it("expireDue releases reservations whose lease ran out, with no movement", async () => {
    const leased = await run<"reserve">("reserve", { sku: "A", quantity: 4, expiresInSeconds: 60 });
    const longer = await run("reserve", { sku: "A", quantity: 2, expiresInSeconds: 3600 });
    const open = await run("reserve", { sku: "A", quantity: 3 });
    expect(open.expiresAt).toBeNull();
    const expiresAt = new Date(leased.expiresAt!).getTime();
    expect(await db.product.findUnique({ where: { sku: "A" } })).toMatchObject({ onHand: 10, reserved: 9 });
    const movements = await db.movement.count();

    expect(await db.$transaction((tx) => expireDue(tx, new Date(expiresAt - 1)))).toBe(0);
    expect(await db.$transaction((tx) => expireDue(tx, new Date(expiresAt)))).toBe(1);
    expect(await db.$transaction((tx) => expireDue(tx, new Date(expiresAt)))).toBe(0);

    const statuses = Object.fromEntries((await db.reservation.findMany()).map((r) => [r.id, r.status]));
    expect(statuses).toEqual({ [leased.id]: "EXPIRED", [longer.id]: "ACTIVE", [open.id]: "ACTIVE" });
    expect(await db.product.findUnique({ where: { sku: "A" } })).toMatchObject({ onHand: 10, reserved: 5 });
    expect(await db.movement.count()).toBe(movements);
    expect(await ledgerViolations()).toEqual([]);
  });

  it("is applied by the drain before the jobs of the batch that first sees it due", async () => {
    const start = Date.now();
    vi.useFakeTimers({ toFake: ["Date"], now: start });
    const leased = await run("reserve", { sku: "A", quantity: 10, expiresInSeconds: 60 });
    expect(new Date(leased.expiresAt!).getTime()).toBe(start + 60_000);
    expect((await errorOf(send("reserve", { sku: "A", quantity: 1 }))).code).toBe("INSUFFICIENT_STOCK");

    vi.setSystemTime(start + 60_001);
    // Without the expiry this reservation could not be made.
    expect(await run("reserve", { sku: "A", quantity: 10 })).toMatchObject({ status: "ACTIVE", quantity: 10 });
    expect(await db.reservation.findUnique({ where: { id: leased.id } })).toMatchObject({ status: "EXPIRED" });
    expect(await errorOf(send("releaseReservation", { id: leased.id }))).toMatchObject({ code: "CONFLICT", details: { status: "EXPIRED" } });
    expect(await run("getProduct", { sku: "A" })).toMatchObject({ onHand: 10, reserved: 10, available: 0 });
    expect((await movementsOf("A")).map((m) => m.kind)).toEqual(["ADJUSTMENT"]);
    expect(await ledgerViolations()).toEqual([]);
  });

  it("expires a shorter lease written after a longer one, and sees expiries again after a failed batch", async () => {
    const start = Date.now();
    vi.useFakeTimers({ toFake: ["Date"], now: start });
    const long = await run("reserve", { sku: "A", quantity: 2, expiresInSeconds: 3600 });
    await run("getProduct", { sku: "A" }); // the drain now knows the next lease ends in an hour
    const short = await run("reserve", { sku: "A", quantity: 3, expiresInSeconds: 5 });
    vi.setSystemTime(start + 6_000);
    expect(await run("getProduct", { sku: "A" })).toMatchObject({ reserved: 2 });
    expect((await db.reservation.findUnique({ where: { id: short.id } }))?.status).toBe("EXPIRED");

    // A batch that rolls back undoes what it expired; the next batch must not trust what it learnt.
    vi.setSystemTime(start + 3_601_000);
    txs.failCommit = true;
    expect((await errorOf(send("getProduct", { sku: "A" }))).code).toBe("DB_UNAVAILABLE");
    txs.failCommit = false;
    expect((await db.reservation.findUnique({ where: { id: long.id } }))?.status).toBe("ACTIVE");
    expect(await run("getProduct", { sku: "A" })).toMatchObject({ reserved: 0 });
    expect((await db.reservation.findUnique({ where: { id: long.id } }))?.status).toBe("EXPIRED");
    expect(await ledgerViolations()).toEqual([]);
  });
});
