import Database from "better-sqlite3";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { JobArgs, JobName, JobResult } from "../../schema/jobs.ts";
import { FieldCipher } from "../../node/worker/crypto/field-cipher.ts";
import { Keyring } from "../../node/worker/crypto/keyring.ts";
import { newKey, readKeyringFile, writeKeyringFile } from "../../node/worker/crypto/keyring-file.ts";
import { installFieldCipher } from "../../node/worker/crypto/sealed-columns.ts";
import { openDatabase, type Db } from "../../node/worker/db.ts";
import { runJob } from "../../node/worker/run-job.ts";
import { migrate } from "../../node/worker/migrate.ts";

let tmp: string;
let dbFile: string;
let keysFile: string;
let keyring: Keyring;
let db: Db;

beforeEach(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "wms-reencrypt-"));
  dbFile = path.join(tmp, "warehouse.db");
  keysFile = path.join(tmp, "data-keys.json");
  migrate(dbFile);
  keyring = Keyring.open({ file: keysFile });
  installFieldCipher(new FieldCipher(keyring));
  db = await openDatabase(dbFile);
});
afterEach(async () => {
  await db.$disconnect();
  installFieldCipher(null);
  fs.rmSync(tmp, { recursive: true, force: true });
});

function job<K extends JobName>(name: K, args: JobArgs<K>): Promise<JobResult<K>> {
  return db.$transaction((tx) => runJob(tx, name, args as Record<string, unknown>, { now: new Date(), nodeId: "madrid" })) as Promise<JobResult<K>>;
}

/** Every stored sensitive value, read straight from the file. */
function stored(): string[] {
  const raw = new Database(dbFile, { readonly: true });
  try {
    return raw
      .prepare(`SELECT reference AS v FROM Movement UNION ALL SELECT counterparty FROM Movement UNION ALL SELECT reference FROM Reservation
        UNION ALL SELECT reference FROM "Transfer" UNION ALL SELECT result FROM IdempotencyKey`)
      .all()
      .map((r: any) => r.v)
      .filter((v: string | null) => v !== null);
  } finally {
    raw.close();
  }
}

function rotate(): string {
  const data = readKeyringFile(keysFile);
  writeKeyringFile(keysFile, { current: "k-new", keys: { ...data.keys, "k-new": newKey() } });
  keyring.refresh();
  return data.current;
}

/** Runs steps until `next` is null, as the worker's KeyRotation does. */
async function fullPass(limit: number) {
  const totals = { rewritten: 0, plaintext: 0, unreadable: 0, steps: 0 };
  let from: { table: string | null; after: string | null } = { table: null, after: null };
  for (;;) {
    const step = await job("reencryptData", { ...from, limit });
    totals.rewritten += step.rewritten;
    totals.plaintext += step.plaintext;
    totals.unreadable += step.unreadable;
    totals.steps++;
    if (!step.next) return totals;
    from = step.next;
  }
}

describe("reencryptData", () => {
  it("moves every value to the new key in small steps, keeps updatedAt, and the API values are unchanged", async () => {
    await job("createProduct", { sku: "A-1", name: "A", price: "1.00", quantity: 100, idempotencyKey: "create-a" });
    for (let i = 0; i < 5; i++) await job("recordMovement", { sku: "A-1", kind: "PURCHASE", quantity: 1, reference: `PO-${i}`, counterparty: `Proveedor ${i}` });
    const reservation = await job("reserve", { sku: "A-1", quantity: 2, reference: "pedido 77", idempotencyKey: "r-1" });
    await job("transferStock", { sku: "A-1", quantity: 3, to: "barcelona", reference: "reposición" });
    const before = await job("listMovements", {});
    const transfersBefore = await job("listTransfers", {});
    const old = rotate();
    expect(stored().every((v) => v.startsWith(`enc:v1:${old}:`))).toBe(true);

    const totals = await fullPass(2);
    expect(totals.steps).toBeGreaterThan(4);
    expect(totals).toMatchObject({ rewritten: stored().length, plaintext: 0, unreadable: 0 });
    expect(stored().every((v) => v.startsWith("enc:v1:k-new:"))).toBe(true);
    expect(await job("listMovements", {})).toEqual(before);
    expect(await job("listTransfers", {})).toEqual(transfersBefore);
    expect((await job("listReservations", {}))[0]).toEqual(reservation);
    expect(await job("reserve", { sku: "A-1", quantity: 2, reference: "pedido 77", idempotencyKey: "r-1" })).toEqual(reservation);
    expect(await fullPass(2)).toMatchObject({ rewritten: 0 });
  });

  it("encrypts legacy plaintext and counts, without touching, values no key opens", async () => {
    await job("createProduct", { sku: "B-1", name: "B", price: "1.00", quantity: 10 });
    const raw = new Database(dbFile);
    raw.prepare(`INSERT INTO Movement (sku, kind, quantity, balanceAfter, reference, counterparty, actor) VALUES ('B-1', 'PURCHASE', 0, 10, 'legacy ref', 'legacy party', 'x')`).run();
    raw.prepare(`INSERT INTO Movement (sku, kind, quantity, balanceAfter, reference, actor) VALUES ('B-1', 'PURCHASE', 0, 10, 'enc:v1:lost:AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA:AAAA', 'x')`).run();
    raw.close();

    const totals = await fullPass(500);
    expect(totals).toMatchObject({ plaintext: 2, unreadable: 1 });
    const values = stored();
    expect(values).not.toContain("legacy ref");
    expect(values.filter((v) => v.startsWith("enc:v1:lost:"))).toHaveLength(1);
    const legacy = new Database(dbFile, { readonly: true }).prepare(`SELECT id FROM Movement WHERE counterparty IS NOT NULL`).get() as { id: bigint | number };
    expect(legacy).toBeDefined();
    const { items } = await job("listMovements", { kind: "PURCHASE", first: 1, after: Buffer.from(JSON.stringify({ k: Number(legacy.id) + 1 })).toString("base64url") });
    expect(items[0]).toMatchObject({ reference: "legacy ref", counterparty: "legacy party" });
  });
});
