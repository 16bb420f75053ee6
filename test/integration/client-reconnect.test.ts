import { gql } from "graphql-request";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { clientEnv, spawnClient, TmuxClient } from "../helpers/client.ts";
import { Federation } from "../helpers/federation.ts";
import { startGateway } from "../helpers/gateway.ts";
import { waitFor } from "../helpers/wait.ts";

const fed = new Federation();
let env: Record<string, string>;
let session: TmuxClient | undefined;
const after = (screen: string, marker: string) => screen.slice(screen.lastIndexOf(marker));

/** The gateway comes back on the same port with the same member list, as after a crash. */
async function restartGateway() {
  const { port, dataDir } = fed.gateway;
  fed.gateway = await startGateway({ port, dataDir, args: ["--offline-after", "1500", "--member-timeout", "2000"] });
}

beforeAll(async () => {
  await fed.start(["madrid", "barcelona"]);
  await fed.gateway.client.request(gql`mutation { createProduct(warehouseId: "madrid", input: { sku: "CASC-01", name: "Casco", price: "14.90", quantity: 10 }) { sku } }`);
  env = await clientEnv(fed.gateway.url, { WMS_RECONNECT_MS: "60000" });
});
afterEach(() => session?.kill());
afterAll(async () => {
  await fed.stop();
});

describe("the client when the gateway goes away", () => {
  it("retries a reservation while the gateway is down and makes it once when it is back", async () => {
    await fed.gateway.kill();
    const run = spawnClient(["reserve", "--warehouse", "madrid", "--sku", "CASC-01", "--qty", "2", "--json"], env);
    await waitFor(() => run.stderr().includes(`Reconnecting to ${fed.gateway.url}`), { what: "the reconnecting line" });
    await restartGateway();
    const { code, stdout, stderr } = await run.exited;
    expect(code, stderr).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ sku: "CASC-01", quantity: 2, status: "ACTIVE" });
    expect(stderr).toContain("Reconnected.");
    await fed.waitOnline();
    const { warehouse } = await fed.gateway.client.request<any>(gql`{ warehouse(id: "madrid") { reservations { quantity } product(sku: "CASC-01") { reserved } } }`);
    expect(warehouse).toEqual({ reservations: [{ quantity: 2 }], product: { reserved: 2 } });
  });

  it("shows 'reconnecting…' in an interactive session and carries on when the gateway restarts", async () => {
    const s = (session = await TmuxClient.start([], env));
    await s.waitFor(/Online: barcelona, madrid\.[\s\S]*What do you want to do\?/, "the main menu");
    await fed.gateway.kill();
    s.keys("Down", "Down", "Enter"); // Warehouses and their state
    await s.waitFor(/Reconnecting to https:\/\/localhost:\d+… \(attempt \d+/, "the reconnecting line");
    await restartGateway();
    const screen = await s.waitFor((text) => /What do you want to do\?/.test(after(text, "Last seen")), "the warehouses after reconnecting");
    expect(after(screen, "Id   ")).toMatch(/barcelona\s+Barcelona[\s\S]*madrid\s+Madrid/);
  });

  it("offers a warehouse node directly when the gateway stays down", async () => {
    await fed.waitOnline();
    const s = (session = await TmuxClient.start([], { ...env, WMS_RECONNECT_MS: "1000" }));
    await s.waitFor(/What do you want to do\?/, "the main menu");
    await fed.gateway.kill();
    s.keys("Down", "Enter"); // Stock of one sku
    await s.waitFor(/does not answer\. What now\?/, "the choice");
    expect(s.screen()).toContain(`Cannot reach ${fed.gateway.url}.`);
    s.keys("Down", "Enter"); // Connect to a warehouse node directly
    await s.waitFor(/\? Warehouse node URL[\s\S]*madrid\s+https/, "the warehouses seen before");
    s.keys("Down", "Enter"); // madrid (barcelona is first)
    await s.waitFor(/Connected to warehouse node https/, "the switch");
    await s.waitFor(/\? Product/, "the product prompt, now from the node");
    s.type("CASC");
    await s.waitFor(/\? Product.*CASC\n.*CASC-01/, "the suggestion");
    s.keys("Enter");
    const screen = await s.waitFor(/CASC-01  Casco\nWarehouse/, "the stock from madrid");
    expect(after(screen, "CASC-01  Casco\n")).toMatch(/madrid\s+10\s+2\s+8/);
    await restartGateway();
  });
});
