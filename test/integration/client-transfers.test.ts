import { gql } from "graphql-request";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientEnv, runClient } from "../helpers/client.ts";
import { Federation } from "../helpers/federation.ts";
import { waitFor } from "../helpers/wait.ts";

const fed = new Federation({ nodeArgs: ["--transfer-retry-max", "400"] });
let env: Record<string, string>;
const client = (...args: string[]) => runClient(args, env);
const json = async (...args: string[]) => {
  const run = await client(...args, "--json");
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout);
};

beforeAll(async () => {
  await fed.start(["madrid", "barcelona", "valencia"]);
  await fed.gateway.client.request(gql`mutation { createProduct(warehouseId: "madrid", input: { sku: "PAL-1", name: "Palé europeo", price: "9.99", quantity: 20 }) { sku } }`);
  env = await clientEnv(fed.gateway.url);
});
afterAll(async () => {
  await fed.stop();
});

describe("transfers from the client", () => {
  it("sends a transfer, follows it until received, and lists it", async () => {
    const transfer = await json("transfer", "--from", "madrid", "--to", "barcelona", "--sku", "PAL-1", "--qty", "5", "--wait", "30");
    expect(transfer).toMatchObject({ from: "madrid", to: "barcelona", quantity: 5, status: "RECEIVED" });
    const stock = await json("stock", "PAL-1");
    expect(stock).toMatchObject({ onHand: 20, inTransit: 0 });
    expect(stock.byWarehouse).toEqual(expect.arrayContaining([expect.objectContaining({ warehouseId: "barcelona", onHand: 5 })]));

    const listed = await json("transfers", "--status", "received");
    expect(listed.items.map((x: any) => x.id)).toEqual([transfer.id]);
    const status = await client("transfer-status", transfer.id, "--warehouse", "madrid");
    expect(status.stdout).toContain(`Transfer ${transfer.id}: 5 × PAL-1 from madrid to barcelona, received.`);
    const spanish = await runClient(["transfers"], { ...env, LANG: "es_ES.UTF-8" });
    expect(spanish.stdout).toMatch(/Origen\s+Destino\s+Estado/);
    expect(spanish.stdout).toContain("recibido");

    const late = await client("cancel-transfer", transfer.id, "--warehouse", "madrid");
    expect(late.code).toBe(1);
    expect(late.stderr).toContain("Not possible now in madrid");
    const refused = await client("transfer", "--from", "madrid", "--to", "barcelona", "--sku", "PAL-1", "--qty", "500");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("only 15 available");
  });

  it("shows units in transit while the destination is offline, cannot cancel without it, and delivers on its return", async () => {
    const valencia = fed.nodes.valencia!;
    await valencia.kill();
    const kept = await json("transfer", "--from", "madrid", "--to", "valencia", "--sku", "PAL-1", "--qty", "3", "--key", "client-transfer-kept");
    const second = await json("transfer", "--from", "madrid", "--to", "valencia", "--sku", "PAL-1", "--qty", "2");
    expect((await json("transfer", "--from", "madrid", "--to", "valencia", "--sku", "PAL-1", "--qty", "3", "--key", "client-transfer-kept")).id).toBe(kept.id);

    const stock = await json("stock", "PAL-1");
    expect(stock.onHand + stock.inTransit).toBe(20);
    expect(stock.inTransit).toBe(5);
    expect((await client("stock", "PAL-1")).stdout).toContain("In transit between warehouses: 5");

    // Cancelling needs the destination to confirm it has not applied the transfer: not while it is away.
    const cancel = await client("cancel-transfer", second.id, "--warehouse", "madrid");
    expect(cancel.code).toBe(1);
    expect(cancel.stderr).toContain("Warehouse valencia is not answering right now");

    await fed.startNode("valencia", valencia.dataDir);
    for (const id of [kept.id, second.id]) expect((await json("transfer-status", id, "--warehouse", "madrid", "--wait", "30")).status).toBe("RECEIVED");
    await fed.waitOnline();
    await waitFor(async () => (await json("stock", "PAL-1")).unavailableWarehouses.length === 0, { what: "every warehouse in the stock answer" });
    expect(await json("stock", "PAL-1")).toMatchObject({ onHand: 20, inTransit: 0 });
  });
});
