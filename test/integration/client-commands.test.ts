import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { gql } from "graphql-request";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientEnv, runClient } from "../helpers/client.ts";
import { Federation } from "../helpers/federation.ts";

const fed = new Federation();
let env: Record<string, string>;
const CREATE = gql`mutation ($w: ID!, $sku: ID!, $name: String!, $q: Int!) {
  createProduct(warehouseId: $w, input: { sku: $sku, name: $name, price: "1234.50", quantity: $q }) { sku }
}`;
const client = (...args: string[]) => runClient(args, env);
const json = async (...args: string[]) => {
  const run = await client(...args, "--json");
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout);
};

beforeAll(async () => {
  await fed.start(["madrid", "barcelona"]);
  for (const [w, q] of [["madrid", 40], ["barcelona", 25]] as const) await fed.gateway.client.request(CREATE, { w, sku: "CASC-01", name: "Casco de seguridad (blanco)", q });
  await fed.gateway.client.request(CREATE, { w: "madrid", sku: "TALA-18V", name: "Taladro 18V", q: 12 });
  env = await clientEnv(fed.gateway.url);
});
afterAll(async () => {
  await fed.stop();
});

describe("the client's subcommands", () => {
  it("answer --help for every command, and refuse a bad command line with status 2", async () => {
    const main = await client("--help");
    expect(main.code).toBe(0);
    const commands = [...main.stdout.matchAll(/^ {2}([a-z][a-z-]*) {2,}/gm)].map((m) => m[1]!);
    expect(commands).toEqual(expect.arrayContaining(["warehouses", "stock", "reserve", "record", "transfer", "movements"]));
    const helps = await Promise.all(commands.map((name) => client(name, "--help")));
    for (const [i, help] of helps.entries()) {
      expect(help.code, commands[i]).toBe(0);
      expect(help.stdout).toContain(`npm run client -- ${commands[i]}`);
      expect(help.stdout).toContain("--json");
    }
    expect((await client("reserve", "--help")).stdout).toMatch(/--warehouse[\s\S]*--qty[\s\S]*--key/);
    expect((await runClient(["stock", "--help"], { ...env, LANG: "es_ES.UTF-8" })).stdout).toContain("existencias de un sku en cada almacén");
    const [unknown, missing, badQty] = await Promise.all([client("teleport"), client("reserve", "--sku", "CASC-01", "--qty", "1"), client("reserve", "--warehouse", "madrid", "--sku", "X", "--qty", "many")]);
    expect(unknown.code).toBe(2);
    expect(missing).toMatchObject({ code: 2, stdout: "" });
    expect(missing.stderr).toContain("--warehouse is required");
    expect(badQty.code).toBe(2);
    // No command and no terminal: no prompt, a usage error.
    expect((await client()).code).toBe(2);
  });

  it("lists warehouses and shows stock as a table (in Spanish or English) and as JSON", async () => {
    expect((await json("warehouses")).map((w: any) => [w.id, w.online])).toEqual([["barcelona", true], ["madrid", true]]);
    const [en, es, data] = await Promise.all([client("stock", "CASC-01"), runClient(["stock", "CASC-01"], { ...env, LANG: "es_ES.UTF-8" }), json("stock", "CASC-01")]);
    expect(en.stdout).toMatch(/Warehouse\s+On hand\s+Reserved\s+Available/);
    expect(en.stdout).toMatch(/madrid\s+40\s+0\s+40/);
    expect(en.stdout).toMatch(/Total\s+65\s+0\s+65/);
    expect(es.stdout).toMatch(/Almacén\s+En stock\s+Reservado\s+Disponible/);
    expect(data).toMatchObject({ sku: "CASC-01", onHand: 65, available: 65, inTransit: 0, unavailableWarehouses: [] });
    const unknown = await client("stock", "NOPE", "--json");
    expect(unknown.code).toBe(1);
    expect(JSON.parse(unknown.stdout).error.code).toBe("NOT_FOUND");
  });

  it("formats prices and numbers for the locale, exactly, while --json stays plain", async () => {
    const [es, en, data] = await Promise.all([
      client("product", "CASC-01", "--warehouse", "madrid", "--lang", "es"),
      client("product", "CASC-01", "--warehouse", "madrid", "--lang", "en"),
      json("product", "CASC-01", "--warehouse", "madrid", "--lang", "es"),
    ]);
    expect(es.stdout).toMatch(/Precio\s+1234,50\s€/);
    expect(en.stdout).toMatch(/Price\s+€1,234\.50/);
    expect(data.price).toBe("1234.50");
  });

  it("reserves with an idempotency key once, and says how many are available when refused", async () => {
    const first = await json("reserve", "--warehouse", "madrid", "--sku", "CASC-01", "--qty", "5", "--key", "client-test-1");
    const again = await json("reserve", "--warehouse", "madrid", "--sku", "CASC-01", "--qty", "5", "--key", "client-test-1");
    expect(again.id).toBe(first.id);
    expect((await json("stock", "CASC-01")).byWarehouse).toContainEqual({ warehouseId: "madrid", onHand: 40, reserved: 5, available: 35 });

    const [human, spanish, data] = await Promise.all([
      client("reserve", "--warehouse", "madrid", "--sku", "CASC-01", "--qty", "500"),
      runClient(["reserve", "--warehouse", "madrid", "--sku", "CASC-01", "--qty", "500"], { ...env, LANG: "es_ES.UTF-8" }),
      client("reserve", "--warehouse", "madrid", "--sku", "CASC-01", "--qty", "500", "--json"),
    ]);
    expect(human.code).toBe(1);
    expect(human.stderr).toContain("only 35 available");
    expect(spanish.stderr).toContain("solo hay 35 disponibles");
    expect(JSON.parse(data.stdout).error).toMatchObject({ code: "INSUFFICIENT_STOCK", available: 35, warehouseId: "madrid" });

    const listed = await json("reservations", "--warehouse", "madrid", "--status", "active");
    expect(listed.map((r: any) => r.id)).toEqual([first.id]);
    const sale = await json("fulfil", first.id, "--warehouse", "madrid");
    expect(sale).toMatchObject({ kind: "SALE", quantity: -5, balanceAfter: 35 });
    const released = await client("release", first.id, "--warehouse", "madrid");
    expect(released.code).toBe(1);
  });

  it("records movements and manages products", async () => {
    expect(await json("record", "purchase", "--warehouse", "barcelona", "--sku", "CASC-01", "--qty", "10", "--counterparty", "Cascos, S.L.")).toMatchObject({ kind: "PURCHASE", quantity: 10, balanceAfter: 35 });
    expect(await json("record", "ajuste", "--warehouse", "barcelona", "--sku", "CASC-01", "--qty=-3")).toMatchObject({ kind: "ADJUSTMENT", quantity: -3, balanceAfter: 32 });
    expect((await client("record", "sale", "--warehouse", "barcelona", "--sku", "CASC-01", "--qty", "0")).code).toBe(2);

    const created = await client("create", "--warehouse", "barcelona", "--sku", "GUAN-L", "--name", "Guantes L", "--price", "2,75", "--qty", "7");
    expect(created.stdout).toContain("Created GUAN-L in barcelona.");
    expect(await json("edit", "GUAN-L", "--warehouse", "barcelona", "--price", "3", "--qty", "9")).toMatchObject({ price: "3.00", onHand: 9 });
    expect((await client("create", "--warehouse", "barcelona", "--sku", "GUAN-L", "--name", "x", "--price", "1")).stderr).toContain("Not possible now in barcelona");
    expect(await json("archive", "GUAN-L", "--warehouse", "barcelona")).toMatchObject({ archived: true });
    expect((await json("search", "guan")).items).toEqual([]);
    expect((await json("search", "casco")).items.map((i: any) => i.sku)).toEqual(["CASC-01"]);
  });

  it("reports movements for a date range as a table, CSV, a CSV file and totals", async () => {
    const from = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const table = await client("movements", "--from", from, "--warehouse", "barcelona");
    expect(table.stdout).toMatch(/purchase\s+\+10\s+35\s+Cascos, S\.L\./);

    const csv = await client("movements", "--from", from, "--csv");
    const lines = csv.stdout.trimEnd().split("\r\n");
    expect(lines[0]).toBe("occurredAt,warehouseId,id,sku,kind,quantity,balanceAfter,reference,counterparty,transferId,actor");
    expect(lines).toContainEqual(expect.stringMatching(/,barcelona,\d+,CASC-01,PURCHASE,10,35,,"Cascos, S\.L\.",,/));
    expect(lines.filter((l) => l.includes(",madrid,"))).toHaveLength(3);

    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "wms-csv-")), "report.csv");
    const written = await json("movements", "--from", from, "--out", file);
    expect(written).toEqual({ file, rows: lines.length - 1, unavailableWarehouses: [] });
    expect(fs.readFileSync(file, "utf8")).toBe(csv.stdout);

    const summary = await json("movements", "--from", from, "--summary", "--sku", "CASC-01");
    expect(summary.items).toContainEqual({ warehouseId: "madrid", sku: "CASC-01", kind: "SALE", count: 1, quantity: -5 });
    expect((await client("movements", "--from", "someday")).code).toBe(2);
    const tomorrow = new Date(Date.now() + 86_400_000 * 2).toISOString().slice(0, 10);
    expect(await json("movements", "--from", tomorrow, "--to", tomorrow)).toEqual({ items: [], unavailableWarehouses: [] });
  });

  it("talks to one warehouse node directly with --node", async () => {
    const direct = { ...env, WMS_NODE_URL: fed.nodes.madrid!.url, WMS_URL: "https://localhost:1" };
    const stock = JSON.parse((await runClient(["stock", "TALA-18V", "--json"], direct)).stdout);
    expect(stock).toMatchObject({ onHand: 12, byWarehouse: [{ warehouseId: "madrid", onHand: 12 }] });
    const reserved = await runClient(["reserve", "--warehouse", "madrid", "--sku", "TALA-18V", "--qty", "2", "--json"], direct);
    expect(JSON.parse(reserved.stdout)).toMatchObject({ sku: "TALA-18V", quantity: 2, status: "ACTIVE" });
    const elsewhere = await runClient(["reserve", "--warehouse", "barcelona", "--sku", "CASC-01", "--qty", "1"], direct);
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.stderr).toContain("connected to warehouse madrid directly");
    expect(JSON.parse((await runClient(["warehouses", "--json"], direct)).stdout).map((w: any) => w.id)).toEqual(["madrid"]);
  });

  it("gives up on a server that never answers with status 3 and a clear message", async () => {
    const port = await closedPort();
    const run = await runClient(["warehouses", "--reconnect-for", "1000"], { ...env, WMS_URL: `https://localhost:${port}` });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(`Reconnecting to https://localhost:${port}`);
    expect(run.stderr).toContain(`Cannot reach https://localhost:${port}.`);
    expect(run.stderr).toContain("--node");
  });
});

/** A loopback port nothing listens on (taken from the OS, then released). */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
