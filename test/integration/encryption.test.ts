import Database from "better-sqlite3";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gql } from "graphql-request";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { certsDir, startNode, type StartedNode } from "../helpers/node.ts";
import { spawnTs } from "../helpers/processes.ts";
import { waitFor } from "../helpers/wait.ts";

// Distinctive strings: found in the raw file only if something stored them in plain text.
const SECRET = {
  counterparty: "Proveedor-Secreto-SA-5531",
  reference: "PO-Confidencial-7781",
  reservation: "Pedido-Cliente-4242",
  transfer: "Traspaso-Reservado-0099",
};
// Stored in plain text on purpose: proves the byte search reads the right files.
const VISIBLE_NAME = "Producto-Visible-3141";

let certs: string;
let madrid: StartedNode;
let barcelona: StartedNode;
let transferId: string;

/** A copy of the run's certificates, so our data-keys.json and its rotation touch no other test file's nodes. */
beforeAll(async () => {
  certs = fs.mkdtempSync(path.join(os.tmpdir(), "wms-enc-certs-"));
  fs.cpSync(certsDir(), certs, { recursive: true });
  fs.rmSync(path.join(certs, "data-keys.json"), { force: true });
  barcelona = await startNode({ id: "barcelona", args: ["--certs", certs] });
  madrid = await startNode({ id: "madrid", args: ["--certs", certs, "--peers", `barcelona=${barcelona.url}`] });
});
afterAll(async () => {
  await Promise.all([madrid?.stop(), barcelona?.stop()]);
  fs.rmSync(certs, { recursive: true, force: true });
});

/** warehouse.db and its WAL, as bytes on disk. */
function rawBytes(node: StartedNode): Buffer {
  const files = ["warehouse.db", "warehouse.db-wal"].map((f) => path.join(node.dataDir, f)).filter((f) => fs.existsSync(f));
  return Buffer.concat(files.map((f) => fs.readFileSync(f)));
}

/** Every sensitive value as stored, read with SQL (the worker's WAL included). */
function storedValues(node: StartedNode): string[] {
  const db = new Database(path.join(node.dataDir, "warehouse.db"), { readonly: true, fileMustExist: true });
  try {
    return (db
      .prepare(`SELECT reference AS v FROM Movement UNION ALL SELECT counterparty FROM Movement UNION ALL SELECT reference FROM Reservation
        UNION ALL SELECT reference FROM "Transfer" UNION ALL SELECT result FROM IdempotencyKey`)
      .all() as { v: string | null }[])
      .map((r) => r.v)
      .filter((v): v is string => v !== null);
  } finally {
    db.close();
  }
}

const currentKid = () => (JSON.parse(fs.readFileSync(path.join(certs, "data-keys.json"), "utf8")) as { current: string }).current;

async function apiValues() {
  const m = await madrid.client.request<any>(gql`query ($id: ID!) {
    movements(sku: "ENC-1") { items { kind reference counterparty } }
    reservations(sku: "ENC-1") { reference }
    transfer(id: $id) { reference status }
  }`, { id: transferId });
  const b = await barcelona.client.request<any>(gql`query ($id: ID!) {
    movements(sku: "ENC-1") { items { kind reference counterparty } }
    transfer(id: $id) { reference status }
  }`, { id: transferId });
  return { madrid: m, barcelona: b };
}

function expectApiValues(values: Awaited<ReturnType<typeof apiValues>>) {
  expect(values.madrid.movements.items).toContainEqual({ kind: "PURCHASE", reference: SECRET.reference, counterparty: SECRET.counterparty });
  expect(values.madrid.movements.items).toContainEqual({ kind: "TRANSFER_OUT", reference: SECRET.transfer, counterparty: "barcelona" });
  expect(values.madrid.reservations).toEqual([{ reference: SECRET.reservation }]);
  expect(values.madrid.transfer).toEqual({ reference: SECRET.transfer, status: "RECEIVED" });
  expect(values.barcelona.movements.items).toEqual([{ kind: "TRANSFER_IN", reference: SECRET.transfer, counterparty: "madrid" }]);
  expect(values.barcelona.transfer).toEqual({ reference: SECRET.transfer, status: "RECEIVED" });
}

describe("encryption at rest", () => {
  it("stores no sensitive value in plain text, while the API returns them all", async () => {
    await madrid.client.request(gql`mutation ($name: String!) { createProduct(input: { sku: "ENC-1", name: $name, price: "3.00", quantity: 50 }) { sku } }`, { name: VISIBLE_NAME });
    await madrid.client.request(gql`mutation ($input: RecordMovementInput!) { recordMovement(input: $input) { id } }`, {
      input: { sku: "ENC-1", kind: "PURCHASE", quantity: 10, reference: SECRET.reference, counterparty: SECRET.counterparty, idempotencyKey: "enc-purchase" },
    });
    await madrid.client.request(gql`mutation ($ref: String!) { reserve(sku: "ENC-1", quantity: 4, reference: $ref, idempotencyKey: "enc-reserve") { id } }`, { ref: SECRET.reservation });
    const { transferStock } = await madrid.client.request<any>(gql`mutation ($ref: String!) { transferStock(sku: "ENC-1", quantity: 5, to: "barcelona", reference: $ref) { id } }`, { ref: SECRET.transfer });
    transferId = transferStock.id;
    await waitFor(async () => (await apiValues()).madrid.transfer.status === "RECEIVED", { what: "the transfer to be received" });

    expectApiValues(await apiValues());
    for (const node of [madrid, barcelona]) {
      const bytes = rawBytes(node);
      for (const secret of Object.values(SECRET)) expect(bytes.includes(secret), `${secret} in ${node.id}'s file`).toBe(false);
      expect(storedValues(node).every((v) => v.startsWith(`enc:v1:${currentKid()}:`))).toBe(true);
    }
    expect(rawBytes(madrid).includes(VISIBLE_NAME)).toBe(true);
  });

  it("keeps every value readable across `npm run rotate-key`, and re-encrypts everything under the new key", async () => {
    const oldKid = currentKid();
    const cli = spawnTs("certs/rotate-key.ts", ["--certs", certs]);
    expect(await cli.exited, cli.text.join("\n")).toBe(0);
    const newKid = currentKid();
    expect(newKid).not.toBe(oldKid);
    expect(fs.statSync(path.join(certs, "data-keys.json")).mode & 0o777).toBe(0o600);

    expectApiValues(await apiValues());
    for (const node of [madrid, barcelona])
      await waitFor(() => {
        const values = storedValues(node);
        return values.length > 0 && values.every((v) => v.startsWith(`enc:v1:${newKid}:`));
      }, { what: `${node.id} to re-encrypt under ${newKid}`, timeoutMs: 20_000 });

    expectApiValues(await apiValues());
    expect(madrid.process.logs.some((l) => l.msg === "data re-encrypted" && l.kid === newKid && l.rewritten > 0)).toBe(true);
    for (const node of [madrid, barcelona]) {
      const bytes = rawBytes(node);
      for (const secret of Object.values(SECRET)) expect(bytes.includes(secret)).toBe(false);
    }
    // A repeated idempotent write answers from its (re-encrypted) stored result.
    const again = await madrid.client.request<any>(gql`mutation ($input: RecordMovementInput!) { recordMovement(input: $input) { reference counterparty } }`, {
      input: { sku: "ENC-1", kind: "PURCHASE", quantity: 10, reference: SECRET.reference, counterparty: SECRET.counterparty, idempotencyKey: "enc-purchase" },
    });
    expect(again.recordMovement).toEqual({ reference: SECRET.reference, counterparty: SECRET.counterparty });
  });

  it("encrypts plaintext left by an older version when the node starts", async () => {
    await madrid.stop();
    const legacy = "Referencia-Heredada-2718";
    const db = new Database(path.join(madrid.dataDir, "warehouse.db"));
    db.prepare(`INSERT INTO Movement (sku, kind, quantity, balanceAfter, reference, counterparty, actor) VALUES ('ENC-1', 'ADJUSTMENT', 0, 51, ?, ?, 'legacy')`).run(legacy, `${legacy}-cp`);
    db.close();
    expect(rawBytes(madrid).includes(legacy)).toBe(true);

    madrid = await startNode({ id: "madrid", dataDir: madrid.dataDir, args: ["--certs", certs, "--peers", `barcelona=${barcelona.url}`] });
    await waitFor(() => madrid.process.logs.find((l) => l.msg === "data re-encrypted" && l.plaintext === 2), { what: "the legacy values re-encrypted" });
    const { movements } = await madrid.client.request<any>(gql`{ movements(sku: "ENC-1", kind: ADJUSTMENT, first: 1) { items { reference counterparty } } }`);
    expect(movements.items).toEqual([{ reference: legacy, counterparty: `${legacy}-cp` }]);
    expect(storedValues(madrid).every((v) => v.startsWith(`enc:v1:${currentKid()}:`))).toBe(true);
    await waitFor(() => !rawBytes(madrid).includes(legacy), { what: "no plaintext left in the file's pages or WAL", timeoutMs: 5_000 });
  });
});
