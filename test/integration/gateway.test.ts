import { gql } from "graphql-request";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGateway, waitForOnline, type StartedGateway } from "../helpers/gateway.ts";
import { errorCode, errorOf, startNode, type StartedNode } from "../helpers/node.ts";
import { killPid } from "../helpers/processes.ts";
import { waitFor } from "../helpers/wait.ts";

// Fast beats and a short offline window keep the membership tests quick.
const NODE_ARGS = ["--heartbeat-ms", "300"];
const GATEWAY_ARGS = ["--offline-after", "1500", "--member-timeout", "1500"];

let gateway: StartedGateway;
const nodes: Record<string, StartedNode> = {};
const STOCK = { madrid: 10, barcelona: 20, valencia: 30 } as const;

async function startMember(id: string, dataDir?: string) {
  const node = await startNode({ id, dataDir, args: ["--gateway", gateway.url, ...NODE_ARGS] });
  nodes[id] = node;
  return node;
}

const STOCK_QUERY = gql`query ($sku: ID!) {
  stock(sku: $sku) { sku name onHand reserved available byWarehouse { warehouseId onHand reserved available } unavailableWarehouses }
}`;

beforeAll(async () => {
  gateway = await startGateway({ args: GATEWAY_ARGS });
  await Promise.all(Object.keys(STOCK).map((id) => startMember(id)));
  for (const [id, quantity] of Object.entries(STOCK)) {
    await nodes[id]!.client.request(gql`mutation ($q: Int!) { createProduct(input: { sku: "CASCO", name: "Casco", price: "14.90", quantity: $q }) { sku } }`, { q: quantity });
  }
  await waitForOnline(gateway, Object.keys(STOCK));
});

afterAll(async () => {
  await Promise.all(Object.values(nodes).map((n) => n.stop()));
  await gateway.stop();
});

describe("the gateway", () => {
  it("lists the members and sums company-wide stock that matches the nodes", async () => {
    const { warehouses } = await gateway.client.request<any>(gql`{ warehouses { id name url online lastSeen } }`);
    expect(warehouses.map((w: any) => [w.id, w.name, w.online])).toEqual([["barcelona", "Barcelona", true], ["madrid", "Madrid", true], ["valencia", "Valencia", true]]);
    expect(warehouses.find((w: any) => w.id === "madrid").url).toBe(nodes.madrid!.url);

    await nodes.madrid!.client.request(gql`mutation { reserve(sku: "CASCO", quantity: 4) { id } }`);
    const { stock } = await gateway.client.request<any>(STOCK_QUERY, { sku: "CASCO" });
    const perNode = await Promise.all(Object.keys(STOCK).map(async (id) => ({
      warehouseId: id,
      ...(await nodes[id]!.client.request<any>(gql`{ product(sku: "CASCO") { onHand reserved available } }`)).product,
    })));
    expect(stock.byWarehouse).toEqual(expect.arrayContaining(perNode));
    expect(stock).toMatchObject({ sku: "CASCO", name: "Casco", onHand: 60, reserved: 4, available: 56, unavailableWarehouses: [] });

    const { inventory } = await gateway.client.request<any>(gql`{ inventory(search: "CAS") { items { sku onHand available } unavailableWarehouses } }`);
    expect(inventory).toEqual({ items: [{ sku: "CASCO", onHand: 60, available: 56 }], unavailableWarehouses: [] });
  });

  it("delegates a member's own queries and routes mutations by warehouseId", async () => {
    const { warehouse } = await gateway.client.request<any>(gql`{ warehouse(id: "barcelona") { id online product(sku: "CASCO") { onHand price } products { items { sku } } } }`);
    expect(warehouse).toEqual({ id: "barcelona", online: true, product: { onHand: 20, price: "14.90" }, products: { items: [{ sku: "CASCO" }] } });

    const sale = await gateway.client.request<any>(gql`mutation { recordMovement(warehouseId: "barcelona", input: { sku: "CASCO", kind: SALE, quantity: 2 }) { kind quantity balanceAfter } }`);
    expect(sale.recordMovement).toEqual({ kind: "SALE", quantity: -2, balanceAfter: 18 });
    expect((await nodes.barcelona!.client.request<any>(gql`{ product(sku: "CASCO") { onHand } }`)).product.onHand).toBe(18);

    const tooMany = await errorOf(gateway.client.request(gql`mutation { reserve(warehouseId: "barcelona", sku: "CASCO", quantity: 999) { id } }`));
    expect(tooMany.extensions).toMatchObject({ code: "INSUFFICIENT_STOCK", available: 18, warehouseId: "barcelona" });
    expect(await errorCode(gateway.client.request(gql`mutation { reserve(warehouseId: "nowhere", sku: "CASCO", quantity: 1) { id } }`))).toBe("NOT_FOUND");
    expect(await errorCode(gateway.client.request(gql`mutation { reserve(warehouseId: "barcelona", sku: "CASCO", quantity: 0) { id } }`))).toBe("BAD_USER_INPUT");

    const report = await gateway.client.request<any>(gql`{ movementReport(sku: "CASCO") { items { warehouseId kind count quantity } unavailableWarehouses } }`);
    expect(report.movementReport.items).toEqual([
      { warehouseId: "barcelona", kind: "ADJUSTMENT", count: 1, quantity: 20 },
      { warehouseId: "barcelona", kind: "SALE", count: 1, quantity: -2 },
      { warehouseId: "madrid", kind: "ADJUSTMENT", count: 1, quantity: 10 },
      { warehouseId: "valencia", kind: "ADJUSTMENT", count: 1, quantity: 30 },
    ]);

    const { movements } = await gateway.client.request<any>(gql`{ movements(sku: "CASCO", first: 10) { items { warehouseId kind quantity occurredAt } unavailableWarehouses } }`);
    expect(movements.items[0]).toMatchObject({ warehouseId: "barcelona", kind: "SALE", quantity: -2 });
    expect(movements.items).toHaveLength(4);
    const times = movements.items.map((m: any) => m.occurredAt);
    expect([...times].sort().reverse()).toEqual(times);

    // Paging one at a time through every warehouse's ledger gives the same list, then stops.
    const PAGE = gql`query ($after: String) { movements(sku: "CASCO", first: 1, after: $after) { items { warehouseId id } nextCursor } }`;
    const paged: unknown[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10 && (page === 0 || after); page++) {
      const result: any = (await gateway.client.request<any>(PAGE, { after })).movements;
      paged.push(...result.items);
      after = result.nextCursor;
    }
    expect(after).toBeNull();
    expect(paged).toEqual(movements.items.map((m: any) => ({ warehouseId: m.warehouseId, id: expect.any(String) })));
    expect(paged.map((m: any) => m.warehouseId)).toEqual(movements.items.map((m: any) => m.warehouseId));
    expect(await errorCode(gateway.client.request(PAGE, { after: "not-a-cursor" }))).toBe("BAD_USER_INPUT");
  });

  it("serves REST routes from persisted operations, with error codes mapped to HTTP statuses", async () => {
    const get = async (path: string) => {
      const response = await gateway.fetch(`${gateway.url}${path}`);
      return { status: response.status, body: (await response.json()) as any };
    };
    const post = async (path: string, body: unknown) => {
      const response = await gateway.fetch(`${gateway.url}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      return { status: response.status, body: (await response.json()) as any };
    };
    expect((await get("/api/warehouses")).body.map((w: any) => w.id)).toEqual(["barcelona", "madrid", "valencia"]);
    const stock = await get("/api/stock/CASCO");
    expect(stock.status).toBe(200);
    expect(stock.body).toMatchObject({ sku: "CASCO", unavailableWarehouses: [] });
    expect((await get("/api/inventory?search=CAS")).body.items.map((i: any) => i.sku)).toEqual(["CASCO"]);
    const movements = await get("/api/movements?warehouseId=valencia&first=1");
    expect(movements.body.items).toEqual([expect.objectContaining({ warehouseId: "valencia", kind: "ADJUSTMENT", quantity: 30 })]);
    expect((await get("/api/movements?first=many")).status).toBe(400);
    expect((await get("/api/warehouses/valencia/products/CASCO")).body).toMatchObject({ sku: "CASCO", onHand: 30 });
    expect((await get("/api/warehouses/valencia/products/NOPE")).status).toBe(404);

    const reserved = await post("/api/warehouses/valencia/reservations", { sku: "CASCO", quantity: 5, idempotencyKey: "rest-1" });
    expect(reserved).toMatchObject({ status: 200, body: { sku: "CASCO", quantity: 5, status: "ACTIVE" } });
    const again = await post("/api/warehouses/valencia/reservations", { sku: "CASCO", quantity: 5, idempotencyKey: "rest-1" });
    expect(again.body.id).toBe(reserved.body.id);
    const refused = await post("/api/warehouses/valencia/reservations", { sku: "CASCO", quantity: 500 });
    expect(refused).toMatchObject({ status: 409, body: { error: { code: "INSUFFICIENT_STOCK", available: 25, warehouseId: "valencia" } } });
    expect((await post("/api/warehouses/valencia/reservations", { sku: "CASCO", quantity: -1 })).status).toBe(400);
    expect((await post("/api/warehouses/nowhere/reservations", { sku: "CASCO", quantity: 1 })).status).toBe(404);
    const released = await post(`/api/warehouses/valencia/reservations/${reserved.body.id}/release`, {});
    expect(released.body.status).toBe("RELEASED");
    const bought = await post("/api/warehouses/valencia/movements", { sku: "CASCO", kind: "PURCHASE", quantity: 3 });
    expect(bought.body).toMatchObject({ kind: "PURCHASE", quantity: 3, balanceAfter: 33 });
    expect((await get("/api/nothing-here")).status).toBe(404);
    const report = await get("/api/movement-report?warehouseId=valencia&sku=CASCO");
    expect(report.body.items.map((r: any) => [r.kind, r.quantity])).toEqual([["ADJUSTMENT", 30], ["PURCHASE", 3]]);
    expect((await get("/api/movement-report?from=yesterday")).status).toBe(400);

    const openapi = (await get("/api/openapi.json")).body;
    expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(["/api/warehouses", "/api/stock/{sku}", "/api/inventory", "/api/movements", "/api/warehouses/{warehouseId}/reservations"]));
    expect(openapi.paths["/api/warehouses/{warehouseId}/reservations"].post.requestBody.content["application/json"].schema.required).toEqual(["sku", "quantity"]);
  });

  it("answers in bounded time without a stopped (SIGSTOP) member, listing it as unavailable", async () => {
    killPid(nodes.madrid!.process.pid, "SIGSTOP");
    try {
      const { stock } = await gateway.client.request<any>(STOCK_QUERY, { sku: "CASCO" });
      expect(stock.unavailableWarehouses).toEqual(["madrid"]);
      expect(stock.byWarehouse.map((w: any) => w.warehouseId).sort()).toEqual(["barcelona", "valencia"]);
    } finally {
      killPid(nodes.madrid!.process.pid, "SIGCONT");
    }
    await waitForOnline(gateway, ["barcelona", "madrid", "valencia"]);
  });

  it("sees a member killed with SIGKILL go offline, and back online when it restarts", async () => {
    const valencia = nodes.valencia!;
    await valencia.kill();
    const { stock } = await gateway.client.request<any>(STOCK_QUERY, { sku: "CASCO" });
    expect(stock.unavailableWarehouses).toEqual(["valencia"]);
    expect(stock.onHand).toBe(10 + 18);
    await waitFor(async () => {
      const { warehouses } = await gateway.client.request<any>(gql`{ warehouses { id online } }`);
      return warehouses.find((w: any) => w.id === "valencia").online === false;
    }, { what: "valencia to be offline" });
    expect(await errorCode(gateway.client.request(gql`mutation { reserve(warehouseId: "valencia", sku: "CASCO", quantity: 1) { id } }`))).toBe("WAREHOUSE_UNAVAILABLE");
    expect(await errorCode(gateway.client.request(gql`{ warehouse(id: "valencia") { product(sku: "CASCO") { onHand } } }`))).toBe("WAREHOUSE_UNAVAILABLE");

    await startMember("valencia", valencia.dataDir);
    await waitForOnline(gateway, ["barcelona", "madrid", "valencia"]);
    const back = await gateway.client.request<any>(STOCK_QUERY, { sku: "CASCO" });
    expect(back.stock).toMatchObject({ onHand: 10 + 18 + 33, unavailableWarehouses: [] });
  });

  it("lets a new warehouse join by starting it, with no gateway restart", async () => {
    const sevilla = await startMember("sevilla");
    await sevilla.client.request(gql`mutation { createProduct(input: { sku: "CASCO", name: "Casco", price: "14.90", quantity: 7 }) { sku } }`);
    await waitForOnline(gateway, ["barcelona", "madrid", "sevilla", "valencia"]);
    const { warehouse } = await gateway.client.request<any>(gql`{ warehouse(id: "sevilla") { name product(sku: "CASCO") { onHand } } }`);
    expect(warehouse).toEqual({ name: "Sevilla", product: { onHand: 7 } });
    expect((await gateway.client.request<any>(STOCK_QUERY, { sku: "CASCO" })).stock.onHand).toBe(10 + 18 + 33 + 7);
  });

  it("refuses a heartbeat without a server certificate or under another server's id", async () => {
    const plain = await gateway.anonymousFetch(`${gateway.url}/membership/heartbeat`, {
      method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ id: "madrid", name: "Evil", url: "https://evil:1", schemaHash: "x" }),
    });
    expect(plain.status).toBe(401);
    const { warehouses } = await gateway.client.request<any>(gql`{ warehouses { id name url } }`);
    expect(warehouses.find((w: any) => w.id === "madrid")).toEqual({ id: "madrid", name: "Madrid", url: nodes.madrid!.url });
  });

  it("sees every member again after the gateway itself restarts", async () => {
    const { port, dataDir } = gateway;
    await gateway.kill();
    gateway = await startGateway({ port, dataDir, args: GATEWAY_ARGS });
    // Known from before the restart even before their next beat…
    const { warehouses } = await gateway.client.request<any>(gql`{ warehouses { id } }`);
    expect(warehouses.map((w: any) => w.id)).toEqual(["barcelona", "madrid", "sevilla", "valencia"]);
    // …asked at once whether they are up (not left offline until their next beat)…
    for (const id of ["barcelona", "madrid", "sevilla", "valencia"])
      await gateway.process.waitForLog((l) => l.msg === "member answered after the gateway restarted" && l.member === id, `${id} probed`);
    // …and online again.
    await waitForOnline(gateway, ["barcelona", "madrid", "sevilla", "valencia"]);
    expect((await gateway.client.request<any>(STOCK_QUERY, { sku: "CASCO" })).stock).toMatchObject({ onHand: 68, unavailableWarehouses: [] });
  });
});
