import { gql } from "graphql-request";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { errorCode, errorOf, ledgerViolations, startNode, tlsFetch, type StartedNode } from "../helpers/node.ts";
import { waitFor } from "../helpers/wait.ts";

let node: StartedNode;
let n = 0;
/** A fresh sku per test, so tests in this file do not see each other's stock. */
const newSku = () => `T-${++n}-${Date.now().toString(36)}`;

beforeAll(async () => {
  node = await startNode({ id: "madrid" });
});
afterAll(async () => {
  await node.stop();
});
afterEach(() => {
  expect(ledgerViolations(node.dataDir)).toEqual([]);
});

const CREATE = gql`
  mutation ($input: CreateProductInput!, $key: String) {
    createProduct(input: $input, idempotencyKey: $key) { sku name description price onHand reserved available archived createdAt updatedAt }
  }
`;
const PRODUCT = gql`query ($sku: ID!) { product(sku: $sku) { sku name description price onHand reserved available archived } }`;
const RESERVE = gql`
  mutation ($sku: ID!, $q: Int!, $ref: String, $exp: Int, $key: String) {
    reserve(sku: $sku, quantity: $q, reference: $ref, expiresInSeconds: $exp, idempotencyKey: $key) { id sku quantity status reference expiresAt }
  }
`;
const RECORD = gql`
  mutation ($input: RecordMovementInput!) {
    recordMovement(input: $input) { id sku kind quantity balanceAfter reference counterparty occurredAt actor }
  }
`;

async function create(sku: string, quantity = 10, price = "12.50") {
  return (await node.client.request<any>(CREATE, { input: { sku, name: `Product ${sku}`, price, quantity } })).createProduct;
}
async function product(sku: string) {
  return (await node.client.request<any>(PRODUCT, { sku })).product;
}

describe("a warehouse node", () => {
  it("answers /health with its id and the database state", async () => {
    const response = await tlsFetch()(`${node.url}/health`);
    expect(await response.json()).toEqual({ status: "ok", id: "madrid", db: "up" });
  });

  it("tells who it is", async () => {
    expect(await node.client.request(gql`{ warehouse { id name } }`)).toEqual({ warehouse: { id: "madrid", name: "Madrid" } });
  });

  it("creates a product with exact price and an opening ADJUSTMENT", async () => {
    const sku = newSku();
    const created = await create(sku, 7, "0.10");
    expect(created).toMatchObject({ sku, price: "0.10", onHand: 7, reserved: 0, available: 7, archived: false, description: "" });
    const { movements } = await node.client.request<any>(gql`query ($sku: ID) { movements(sku: $sku) { items { kind quantity balanceAfter reference } } }`, { sku });
    expect(movements.items).toEqual([{ kind: "ADJUSTMENT", quantity: 7, balanceAfter: 7, reference: "opening stock" }]);
    expect(await errorCode(create(sku))).toBe("CONFLICT");
  });

  it("updates fields and records a quantity change as an ADJUSTMENT of the difference", async () => {
    const sku = newSku();
    await create(sku, 10);
    const UPDATE = gql`mutation ($sku: ID!, $input: UpdateProductInput!) { updateProduct(sku: $sku, input: $input) { name description price onHand } }`;
    const updated = await node.client.request<any>(UPDATE, { sku, input: { name: "Tuerca M6", description: "Acero", price: "0.05", quantity: 4 } });
    expect(updated.updateProduct).toEqual({ name: "Tuerca M6", description: "Acero", price: "0.05", onHand: 4 });
    const { movements } = await node.client.request<any>(gql`query ($sku: ID) { movements(sku: $sku) { items { kind quantity balanceAfter } } }`, { sku });
    expect(movements.items[0]).toEqual({ kind: "ADJUSTMENT", quantity: -6, balanceAfter: 4 });
    expect(await errorCode(node.client.request(UPDATE, { sku, input: {} }))).toBe("BAD_USER_INPUT");
    expect(await errorCode(node.client.request(UPDATE, { sku: "NOPE-1", input: { name: "x" } }))).toBe("NOT_FOUND");
    await node.client.request(RESERVE, { sku, q: 3 });
    expect(await errorCode(node.client.request(UPDATE, { sku, input: { quantity: 2 } }))).toBe("INSUFFICIENT_STOCK");
    expect(await product(sku)).toMatchObject({ onHand: 4, reserved: 3 });
  });

  it("records movements with the sign of their kind", async () => {
    const sku = newSku();
    await create(sku, 0);
    const record = (kind: string, quantity: number, extra = {}) =>
      node.client.request<any>(RECORD, { input: { sku, kind, quantity, ...extra } }).then((r) => r.recordMovement);
    expect(await record("PURCHASE", 20, { reference: "PO-1", counterparty: "Proveedor SA" })).toMatchObject({
      kind: "PURCHASE", quantity: 20, balanceAfter: 20, reference: "PO-1", counterparty: "Proveedor SA", actor: "test-admin",
    });
    expect(await record("SALE", 5)).toMatchObject({ quantity: -5, balanceAfter: 15 });
    expect(await record("RETURN", 1)).toMatchObject({ quantity: 1, balanceAfter: 16 });
    expect(await record("TRANSFER_OUT", 6)).toMatchObject({ quantity: -6, balanceAfter: 10 });
    expect(await record("TRANSFER_IN", 2)).toMatchObject({ quantity: 2, balanceAfter: 12 });
    expect(await record("ADJUSTMENT", -2)).toMatchObject({ quantity: -2, balanceAfter: 10 });
    expect(await record("ADJUSTMENT", 3)).toMatchObject({ quantity: 3, balanceAfter: 13 });
    expect(await product(sku)).toMatchObject({ onHand: 13, available: 13 });
  });

  it("refuses bad input with BAD_USER_INPUT and changes nothing", async () => {
    const sku = newSku();
    await create(sku, 5);
    const before = await product(sku);
    const bad: [string, unknown][] = [
      [RECORD, { input: { sku, kind: "SALE", quantity: 0 } }],
      [RECORD, { input: { sku, kind: "SALE", quantity: -3 } }],
      [RECORD, { input: { sku, kind: "PURCHASE", quantity: 1.5 } }],
      [RECORD, { input: { sku, kind: "PURCHASE", quantity: 1_000_000_001 } }],
      [RECORD, { input: { sku, kind: "PURCHASE", quantity: 1e12 } }],
      [RECORD, { input: { sku, kind: "ADJUSTMENT", quantity: 0 } }],
      [RECORD, { input: { sku, kind: "STOLEN", quantity: 1 } }],
      [RECORD, { input: { sku: "", kind: "PURCHASE", quantity: 1 } }],
      [RECORD, { input: { sku: "   ", kind: "PURCHASE", quantity: 1 } }],
      [RESERVE, { sku, q: 0 }],
      [RESERVE, { sku, q: 2, exp: 0 }],
      [CREATE, { input: { sku: newSku(), name: "x", price: "12.345" } }],
      [CREATE, { input: { sku: newSku(), name: "x", price: "-1.00" } }],
      [CREATE, { input: { sku: newSku(), name: "x", price: "doce" } }],
      [CREATE, { input: { sku: newSku(), name: "x", price: 1.5 } }],
      [CREATE, { input: { sku: newSku(), name: "", price: "1.00" } }],
      [CREATE, { input: { sku: "has space", name: "x", price: "1.00" } }],
      [CREATE, { input: { sku: newSku(), name: "x", price: "1.00", quantity: -1 } }],
      [gql`query { movements(first: 0) { items { id } } }`, {}],
      [gql`query { movements(after: "garbage") { items { id } } }`, {}],
      [gql`query { movements(from: "yesterday") { items { id } } }`, {}],
    ];
    for (const [document, variables] of bad) {
      expect(await errorCode(node.client.request<unknown>(document, variables as Record<string, unknown>)), JSON.stringify(variables)).toBe("BAD_USER_INPUT");
    }
    expect(await product(sku)).toEqual(before);
    const { products } = await node.client.request<any>(gql`query ($s: String) { products(search: $s) { items { sku } } }`, { s: sku });
    expect(products.items).toEqual([{ sku }]);
  });

  it("answers NOT_FOUND for unknown skus and reservations", async () => {
    expect(await product("NOPE-404")).toBeNull();
    expect(await errorCode(node.client.request(RECORD, { input: { sku: "NOPE-404", kind: "PURCHASE", quantity: 1 } }))).toBe("NOT_FOUND");
    expect(await errorCode(node.client.request(RESERVE, { sku: "NOPE-404", q: 1 }))).toBe("NOT_FOUND");
    expect(await errorCode(node.client.request(gql`mutation { releaseReservation(id: "nope") { id } }`))).toBe("NOT_FOUND");
    expect(await errorCode(node.client.request(gql`mutation { fulfillReservation(id: "nope") { id } }`))).toBe("NOT_FOUND");
    expect(await errorCode(node.client.request(gql`mutation { deleteProduct(sku: "NOPE-404") { sku } }`))).toBe("NOT_FOUND");
  });

  it("refuses a sale or reservation beyond available with INSUFFICIENT_STOCK and says how many are available", async () => {
    const sku = newSku();
    await create(sku, 10);
    await node.client.request(RESERVE, { sku, q: 4 });
    const error = await errorOf(node.client.request(RESERVE, { sku, q: 7 }));
    expect(error.extensions).toMatchObject({ code: "INSUFFICIENT_STOCK", available: 6 });
    expect(await errorCode(node.client.request(RECORD, { input: { sku, kind: "SALE", quantity: 7 } }))).toBe("INSUFFICIENT_STOCK");
    expect(await errorCode(node.client.request(RECORD, { input: { sku, kind: "ADJUSTMENT", quantity: -7 } }))).toBe("INSUFFICIENT_STOCK");
    expect(await product(sku)).toMatchObject({ onHand: 10, reserved: 4, available: 6 });
  });

  it("reserves, releases and fulfils, with a SALE for a fulfilment only", async () => {
    const sku = newSku();
    await create(sku, 10);
    const a = (await node.client.request<any>(RESERVE, { sku, q: 3, ref: "pedido 1" })).reserve;
    const b = (await node.client.request<any>(RESERVE, { sku, q: 2 })).reserve;
    expect(a).toMatchObject({ status: "ACTIVE", quantity: 3, reference: "pedido 1", expiresAt: null });
    expect(await product(sku)).toMatchObject({ onHand: 10, reserved: 5, available: 5 });

    const released = await node.client.request<any>(gql`mutation ($id: ID!) { releaseReservation(id: $id) { id status } }`, { id: b.id });
    expect(released.releaseReservation).toEqual({ id: b.id, status: "RELEASED" });
    const sale = await node.client.request<any>(gql`mutation ($id: ID!) { fulfillReservation(id: $id) { kind quantity balanceAfter reference } }`, { id: a.id });
    expect(sale.fulfillReservation).toEqual({ kind: "SALE", quantity: -3, balanceAfter: 7, reference: "pedido 1" });
    expect(await product(sku)).toMatchObject({ onHand: 7, reserved: 0, available: 7 });
    expect(await errorCode(node.client.request(gql`mutation ($id: ID!) { releaseReservation(id: $id) { id } }`, { id: a.id }))).toBe("CONFLICT");
    expect(await errorCode(node.client.request(gql`mutation ($id: ID!) { fulfillReservation(id: $id) { id } }`, { id: b.id }))).toBe("CONFLICT");

    const list = await node.client.request<any>(gql`query ($sku: ID) { reservations(sku: $sku) { id status } }`, { sku });
    expect(list.reservations.map((r: any) => r.status).sort()).toEqual(["FULFILLED", "RELEASED"]);
    const active = await node.client.request<any>(gql`query ($sku: ID) { reservations(sku: $sku, status: ACTIVE) { id } }`, { sku });
    expect(active.reservations).toEqual([]);
  });

  it("expires reservations by themselves, with no movement", async () => {
    const sku = newSku();
    await create(sku, 5);
    const r = (await node.client.request<any>(RESERVE, { sku, q: 5, exp: 1 })).reserve;
    expect(new Date(r.expiresAt).getTime()).toBeGreaterThan(Date.now() - 1000);
    expect(await errorCode(node.client.request(RESERVE, { sku, q: 1 }))).toBe("INSUFFICIENT_STOCK");
    await waitFor(async () => (await product(sku)).available === 5, { what: "the reservation to expire", timeoutMs: 10_000 });
    const list = await node.client.request<any>(gql`query ($sku: ID) { reservations(sku: $sku) { id status } }`, { sku });
    expect(list.reservations).toEqual([{ id: r.id, status: "EXPIRED" }]);
    const { movements } = await node.client.request<any>(gql`query ($sku: ID) { movements(sku: $sku) { items { kind } } }`, { sku });
    expect(movements.items).toEqual([{ kind: "ADJUSTMENT" }]);
  });

  it("archives a product on delete, refusing while reservations are active, and keeps its history", async () => {
    const sku = newSku();
    await create(sku, 5);
    const r = (await node.client.request<any>(RESERVE, { sku, q: 1 })).reserve;
    const DELETE = gql`mutation ($sku: ID!) { deleteProduct(sku: $sku) { sku archived } }`;
    expect(await errorCode(node.client.request(DELETE, { sku }))).toBe("CONFLICT");
    expect((await product(sku)).archived).toBe(false);
    await node.client.request(gql`mutation ($id: ID!) { releaseReservation(id: $id) { id } }`, { id: r.id });
    expect((await node.client.request<any>(DELETE, { sku })).deleteProduct).toEqual({ sku, archived: true });

    expect((await product(sku)).archived).toBe(true);
    const search = gql`query ($s: String, $all: Boolean) { products(search: $s, includeArchived: $all) { items { sku } } }`;
    expect((await node.client.request<any>(search, { s: sku })).products.items).toEqual([]);
    expect((await node.client.request<any>(search, { s: sku, all: true })).products.items).toEqual([{ sku }]);
    expect(await errorCode(node.client.request(RESERVE, { sku, q: 1 }))).toBe("CONFLICT");
    expect(await errorCode(node.client.request(RECORD, { input: { sku, kind: "PURCHASE", quantity: 1 } }))).toBe("CONFLICT");
    expect(await errorCode(node.client.request(DELETE, { sku }))).toBe("CONFLICT");
    expect(await errorCode(create(sku))).toBe("CONFLICT");
    const report = await node.client.request<any>(gql`query ($sku: ID) { movementReport(sku: $sku) { sku kind count quantity } }`, { sku });
    expect(report.movementReport).toEqual([{ sku, kind: "ADJUSTMENT", count: 1, quantity: 5 }]);
  });

  it("returns the first result for a repeated idempotency key and writes nothing new", async () => {
    const sku = newSku();
    const key = `create-${sku}`;
    const first = await node.client.request<any>(CREATE, { input: { sku, name: "Once", price: "1.00", quantity: 3 }, key });
    const again = await node.client.request<any>(CREATE, { input: { sku, name: "Once", price: "1.00", quantity: 3 }, key });
    expect(again).toEqual(first);

    const input = { sku, kind: "PURCHASE", quantity: 4, idempotencyKey: `buy-${sku}` };
    const m1 = (await node.client.request<any>(RECORD, { input })).recordMovement;
    const m2 = (await node.client.request<any>(RECORD, { input })).recordMovement;
    expect(m2).toEqual(m1);
    const r1 = (await node.client.request<any>(RESERVE, { sku, q: 2, key: `res-${sku}` })).reserve;
    const r2 = (await node.client.request<any>(RESERVE, { sku, q: 2, key: `res-${sku}` })).reserve;
    expect(r2.id).toBe(r1.id);
    expect(await product(sku)).toMatchObject({ onHand: 7, reserved: 2 });

    // The same key for another request is a mistake, not a repeat.
    expect(await errorCode(node.client.request(RECORD, { input: { ...input, quantity: 5 } }))).toBe("CONFLICT");
    expect(await product(sku)).toMatchObject({ onHand: 7, reserved: 2 });
  });

  it("pages through products and movements with cursors", async () => {
    const prefix = newSku();
    for (let i = 0; i < 5; i++) await create(`${prefix}-${i}`, 1);
    const PAGE = gql`query ($s: String, $after: String) { products(search: $s, first: 2, after: $after) { items { sku } nextCursor } }`;
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: any = (await node.client.request<any>(PAGE, { s: prefix, after })).products;
      seen.push(...page.items.map((p: any) => p.sku));
      after = page.nextCursor;
    } while (after);
    expect(seen).toEqual([0, 1, 2, 3, 4].map((i) => `${prefix}-${i}`));

    const MOVES = gql`query ($after: String) { movements(first: 3, after: $after) { items { id } nextCursor } }`;
    const first = (await node.client.request<any>(MOVES, {})).movements;
    const second = (await node.client.request<any>(MOVES, { after: first.nextCursor })).movements;
    expect(Number(second.items[0].id)).toBeLessThan(Number(first.items[2].id));
  });

  it("reports movements per sku and kind over a period", async () => {
    const sku = newSku();
    const start = new Date().toISOString();
    await create(sku, 10);
    for (const [kind, quantity] of [["SALE", 2], ["SALE", 3], ["PURCHASE", 4]] as const)
      await node.client.request(RECORD, { input: { sku, kind, quantity } });
    const REPORT = gql`query ($from: DateTime, $to: DateTime, $sku: ID) { movementReport(from: $from, to: $to, sku: $sku) { sku kind count quantity } }`;
    const report = (await node.client.request<any>(REPORT, { from: start, sku })).movementReport;
    expect(report).toEqual([
      { sku, kind: "ADJUSTMENT", count: 1, quantity: 10 },
      { sku, kind: "PURCHASE", count: 1, quantity: 4 },
      { sku, kind: "SALE", count: 2, quantity: -5 },
    ]);
    expect((await node.client.request<any>(REPORT, { to: start, sku })).movementReport).toEqual([]);
    expect(await errorCode(node.client.request(REPORT, { from: new Date().toISOString(), to: start }))).toBe("BAD_USER_INPUT");
  });
});
