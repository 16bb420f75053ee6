import { randomUUID } from "node:crypto";
import { gql } from "graphql-request";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Federation, serverFetch } from "../helpers/federation.ts";
import { errorCode, ledgerViolations } from "../helpers/node.ts";
import { waitFor } from "../helpers/wait.ts";

const fed = new Federation({ nodeArgs: ["--transfer-retry-max", "400"] });
const TRANSFER = gql`mutation ($from: ID!, $sku: ID!, $q: Int!, $to: ID!, $key: String) {
  transferStock(warehouseId: $from, sku: $sku, quantity: $q, to: $to, idempotencyKey: $key) { id sku quantity from to status direction }
}`;
const PRODUCT = gql`query ($sku: ID!) { product(sku: $sku) { name price onHand } }`;

async function create(node: string, sku: string, quantity: number) {
  await fed.nodes[node]!.client.request(gql`mutation ($sku: ID!, $q: Int!) { createProduct(input: { sku: $sku, name: "Palé", description: "Europeo", price: "9.99", quantity: $q }) { sku } }`, { sku, q: quantity });
}
async function status(node: string, id: string) {
  return (await fed.nodes[node]!.client.request<any>(gql`query ($id: ID!) { transfer(id: $id) { status attempts lastError } }`, { id })).transfer;
}
async function onHand(node: string, sku: string): Promise<number | null> {
  return (await fed.nodes[node]!.client.request<any>(PRODUCT, { sku })).product?.onHand ?? null;
}
async function movementsOf(node: string, sku: string) {
  const { movements } = await fed.nodes[node]!.client.request<any>(gql`query ($sku: ID) { movements(sku: $sku, first: 500) { items { kind quantity transferId counterparty } } }`, { sku });
  return movements.items as { kind: string; quantity: number; transferId: string | null; counterparty: string | null }[];
}

beforeAll(async () => {
  await fed.start(["madrid", "barcelona", "valencia"]);
});
afterAll(async () => {
  await fed.stop();
});

describe("transfers between warehouses", () => {
  it("lands once at an online peer, creating the product there, and conserves the company total", async () => {
    await create("madrid", "PAL-1", 20);
    const { transferStock } = await fed.gateway.client.request<any>(TRANSFER, { from: "madrid", sku: "PAL-1", q: 8, to: "barcelona" });
    expect(transferStock).toMatchObject({ from: "madrid", to: "barcelona", quantity: 8, direction: "OUT" });
    expect(await onHand("madrid", "PAL-1")).toBe(12);
    await waitFor(async () => (await status("madrid", transferStock.id)).status === "RECEIVED", { what: "RECEIVED" });
    expect((await fed.nodes.barcelona!.client.request<any>(PRODUCT, { sku: "PAL-1" })).product).toEqual({ name: "Palé", price: "9.99", onHand: 8 });
    expect((await movementsOf("barcelona", "PAL-1"))).toEqual([{ kind: "TRANSFER_IN", quantity: 8, transferId: transferStock.id, counterparty: "madrid" }]);
    expect((await movementsOf("madrid", "PAL-1"))[0]).toEqual({ kind: "TRANSFER_OUT", quantity: -8, transferId: transferStock.id, counterparty: "barcelona" });
    expect(await fed.conservedTotal("PAL-1")).toEqual({ onHand: 20, inTransit: 0, unavailableWarehouses: [] });
    const incoming = await fed.nodes.barcelona!.client.request<any>(gql`{ transfers(direction: IN) { id status from } }`);
    expect(incoming.transfers).toEqual([{ id: transferStock.id, status: "RECEIVED", from: "madrid" }]);
  });

  it("refuses bad transfers and changes nothing", async () => {
    await create("madrid", "PAL-2", 5);
    expect(await errorCode(fed.gateway.client.request(TRANSFER, { from: "madrid", sku: "PAL-2", q: 6, to: "barcelona" }))).toBe("INSUFFICIENT_STOCK");
    expect(await errorCode(fed.gateway.client.request(TRANSFER, { from: "madrid", sku: "PAL-2", q: 1, to: "madrid" }))).toBe("BAD_USER_INPUT");
    expect(await errorCode(fed.gateway.client.request(TRANSFER, { from: "madrid", sku: "PAL-2", q: 1, to: "atlantis" }))).toBe("NOT_FOUND");
    expect(await errorCode(fed.gateway.client.request(TRANSFER, { from: "madrid", sku: "PAL-2", q: 0, to: "barcelona" }))).toBe("BAD_USER_INPUT");
    expect(await errorCode(fed.gateway.client.request(TRANSFER, { from: "madrid", sku: "NOPE", q: 1, to: "barcelona" }))).toBe("NOT_FOUND");
    expect(await onHand("madrid", "PAL-2")).toBe(5);
    expect(await movementsOf("madrid", "PAL-2")).toHaveLength(1);
  });

  it("waits while the destination is offline and lands once after it starts", async () => {
    await create("madrid", "PAL-3", 10);
    const valencia = fed.nodes.valencia!;
    await valencia.kill();
    const { transferStock } = await fed.gateway.client.request<any>(TRANSFER, { from: "madrid", sku: "PAL-3", q: 3, to: "valencia", key: "offline-1" });
    await waitFor(async () => (await status("madrid", transferStock.id)).attempts >= 2, { what: "failed attempts" });
    expect(await status("madrid", transferStock.id)).toMatchObject({ status: "IN_TRANSIT" });
    const during = await fed.conservedTotal("PAL-3");
    expect(during.onHand + during.inTransit).toBe(10);
    expect(during.inTransit).toBe(3);
    // The retried mutation (same key) is the same transfer, not a second one.
    const again = await fed.gateway.client.request<any>(TRANSFER, { from: "madrid", sku: "PAL-3", q: 3, to: "valencia", key: "offline-1" });
    expect(again.transferStock.id).toBe(transferStock.id);

    await fed.startNode("valencia");
    await waitFor(async () => (await status("madrid", transferStock.id)).status === "RECEIVED", { what: "RECEIVED after the restart" });
    expect(await onHand("valencia", "PAL-3")).toBe(3);
    await fed.waitOnline();
    expect(await fed.conservedTotal("PAL-3")).toEqual({ onHand: 10, inTransit: 0, unavailableWarehouses: [] });
  });

  it("delivers after the source is killed with SIGKILL right after the mutation returns", async () => {
    await create("barcelona", "PAL-4", 9);
    await fed.nodes.valencia!.kill();
    const { transferStock } = await fed.gateway.client.request<any>(TRANSFER, { from: "barcelona", sku: "PAL-4", q: 4, to: "valencia" });
    await fed.nodes.barcelona!.kill();
    await fed.startNode("valencia");
    await fed.startNode("barcelona");
    await waitFor(async () => (await status("barcelona", transferStock.id)).status === "RECEIVED", { what: "delivery after the source restarted" });
    expect(await onHand("valencia", "PAL-4")).toBe(4);
    expect(await onHand("barcelona", "PAL-4")).toBe(5);
    await fed.waitOnline();
  });

  it("applies duplicate and replayed deliveries once, and only from the certified source", async () => {
    const id = randomUUID();
    const offer = { id, sku: "PAL-5", quantity: 2, from: "madrid", to: "barcelona", name: "Palé azul", description: "", price: "1.00", reference: null };
    const post = (fetch: typeof globalThis.fetch, path: string, body: unknown) =>
      fetch(`${fed.nodes.barcelona!.url}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const madrid = serverFetch("madrid");
    const answers = await Promise.all([post(madrid, "/api/transfers", offer), post(madrid, "/api/transfers", offer), post(madrid, "/api/transfers", offer)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(await onHand("barcelona", "PAL-5")).toBe(2);
    expect(await movementsOf("barcelona", "PAL-5")).toHaveLength(1);

    // Valencia's certificate cannot deliver (or refuse) madrid's transfers.
    const forged = await post(serverFetch("valencia"), "/api/transfers", { ...offer, id: randomUUID() });
    expect(forged.status).toBe(403);
    const anonymous = await post(fed.gateway.anonymousFetch, "/api/transfers", { ...offer, id: randomUUID() });
    expect(anonymous.status).toBe(401);
    // Once received, a refusal is too late; once refused, a delivery is refused.
    expect((await post(madrid, `/api/transfers/${id}/refuse`, offer)).status).toBe(409);
    const other = { ...offer, id: randomUUID() };
    expect((await post(madrid, `/api/transfers/${other.id}/refuse`, other)).status).toBe(200);
    const late = await post(madrid, "/api/transfers", other);
    expect(late.status).toBe(409);
    expect(((await late.json()) as any).error.reason).toBe("CANCELLED");
    expect(await onHand("barcelona", "PAL-5")).toBe(2);
  });

  it("cancels only what the destination has not applied, and returns failed transfers' units", async () => {
    await create("madrid", "PAL-6", 10);
    const received = (await fed.gateway.client.request<any>(TRANSFER, { from: "madrid", sku: "PAL-6", q: 1, to: "barcelona" })).transferStock;
    await waitFor(async () => (await status("madrid", received.id)).status === "RECEIVED", { what: "RECEIVED" });
    const CANCEL = gql`mutation ($w: ID!, $id: ID!) { cancelTransfer(warehouseId: $w, id: $id) { id status } }`;
    expect(await errorCode(fed.gateway.client.request(CANCEL, { w: "madrid", id: received.id }))).toBe("CONFLICT");

    await fed.nodes.valencia!.kill();
    const stuck = (await fed.gateway.client.request<any>(TRANSFER, { from: "madrid", sku: "PAL-6", q: 2, to: "valencia" })).transferStock;
    expect(await errorCode(fed.gateway.client.request(CANCEL, { w: "madrid", id: stuck.id }))).toBe("WAREHOUSE_UNAVAILABLE");
    expect(await onHand("madrid", "PAL-6")).toBe(7);

    // Barcelona archives PAL-7, so a transfer of it is refused for good: FAILED, units back at the source.
    await create("madrid", "PAL-7", 4);
    await create("barcelona", "PAL-7", 0);
    await fed.nodes.barcelona!.client.request(gql`mutation { deleteProduct(sku: "PAL-7") { archived } }`);
    const refused = (await fed.gateway.client.request<any>(TRANSFER, { from: "madrid", sku: "PAL-7", q: 4, to: "barcelona" })).transferStock;
    await waitFor(async () => (await status("madrid", refused.id)).status === "FAILED", { what: "FAILED" });
    expect((await status("madrid", refused.id)).lastError).toMatch(/archived/);
    expect(await onHand("madrid", "PAL-7")).toBe(4);
    expect((await movementsOf("madrid", "PAL-7")).map((m) => m.kind)).toEqual(["TRANSFER_IN", "TRANSFER_OUT", "ADJUSTMENT"]);

    // With valencia back, the stuck one is either cancelled (units back) or received: never both.
    await fed.startNode("valencia");
    const outcome = await waitFor(async () => {
      try {
        return (await fed.gateway.client.request<any>(CANCEL, { w: "madrid", id: stuck.id })).cancelTransfer.status;
      } catch (error) {
        return (await errorCode(Promise.reject(error))) === "CONFLICT" ? "RECEIVED" : null;
      }
    }, { what: "the cancel to be decided" });
    const there = (await onHand("valencia", "PAL-6")) ?? 0;
    if (outcome === "CANCELLED") {
      expect([await onHand("madrid", "PAL-6"), there]).toEqual([9, 0]);
      await waitFor(async () => (await status("madrid", stuck.id)).status === "CANCELLED", { what: "stays CANCELLED" });
    } else {
      expect([await onHand("madrid", "PAL-6"), there]).toEqual([7, 2]);
    }
    for (const node of Object.values(fed.nodes)) expect(ledgerViolations(node.dataDir)).toEqual([]);
    await fed.waitOnline();
  });
});
