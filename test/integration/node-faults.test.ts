import { gql } from "graphql-request";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorCode, ledgerViolations, startNode, type StartedNode } from "../helpers/node.ts";
import { isAlive, killPid, spawnTs } from "../helpers/processes.ts";
import { waitFor } from "../helpers/wait.ts";

let node: StartedNode;

beforeAll(async () => {
  // A short db deadline so calls during the worker's restart settle quickly.
  node = await startNode({ id: "barcelona", args: ["--db-timeout", "3000"] });
});
afterAll(async () => {
  await node.stop();
});

const CREATE = gql`mutation ($sku: ID!, $q: Int) { createProduct(input: { sku: $sku, name: "Caja", price: "3.00", quantity: $q }) { sku } }`;
const RESERVE = gql`mutation ($sku: ID!, $q: Int!) { reserve(sku: $sku, quantity: $q) { id } }`;
const PURCHASE = gql`mutation ($sku: ID!, $key: String!) { recordMovement(input: { sku: $sku, kind: PURCHASE, quantity: 1, idempotencyKey: $key }) { id } }`;
const PRODUCT = gql`query ($sku: ID!) { product(sku: $sku) { onHand reserved available } }`;

describe("a node under concurrency and faults", () => {
  it("grants exactly 50 of 200 racing reservations for 50 units", async () => {
    await node.client.request(CREATE, { sku: "RACE-1", q: 50 });
    const outcomes = await Promise.allSettled(Array.from({ length: 200 }, () => node.client.request(RESERVE, { sku: "RACE-1", q: 1 })));
    const granted = outcomes.filter((o) => o.status === "fulfilled").length;
    const refused = await Promise.all(outcomes.filter((o) => o.status === "rejected").map((o) => errorCode(Promise.reject((o as PromiseRejectedResult).reason))));
    expect(granted).toBe(50);
    expect(new Set(refused)).toEqual(new Set(["INSUFFICIENT_STOCK"]));
    expect((await node.client.request<any>(PRODUCT, { sku: "RACE-1" })).product).toEqual({ onHand: 50, reserved: 50, available: 0 });
    expect(ledgerViolations(node.dataDir)).toEqual([]);
  });

  it("survives its db worker killed with SIGKILL mid-run: callers get DB_UNAVAILABLE or succeed, no acknowledged write is lost", async () => {
    await node.client.request(CREATE, { sku: "KILL-1", q: 0 });
    const total = 240;
    const acknowledged = new Set<string>();
    const unavailable = new Set<string>();
    const firstWorker = node.workerPid();
    let next = 0;
    let killed = false;
    const writer = async () => {
      while (next < total) {
        const key = `kill-${next++}`;
        try {
          await node.client.request(PURCHASE, { sku: "KILL-1", key });
          acknowledged.add(key);
        } catch (error) {
          const code = await errorCode(Promise.reject(error));
          expect(code).toBe("DB_UNAVAILABLE");
          unavailable.add(key);
        }
        if (!killed && acknowledged.size >= 60) {
          killed = true;
          killPid(firstWorker, "SIGKILL");
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, writer));
    expect(killed).toBe(true);
    expect(isAlive(firstWorker)).toBe(false);
    await waitFor(() => node.workerPid() !== firstWorker, { what: "a new worker" });
    expect(acknowledged.size + unavailable.size).toBe(total);

    // Callers that got DB_UNAVAILABLE retry with the same key: each lands exactly once.
    for (const key of unavailable) {
      await waitFor(() => node.client.request(PURCHASE, { sku: "KILL-1", key }).then(() => true), { what: `retry of ${key}`, timeoutMs: 20_000 });
    }
    const { product } = await node.client.request<any>(PRODUCT, { sku: "KILL-1" });
    expect(product.onHand).toBe(total);
    const { movements } = await node.client.request<any>(gql`{ movements(sku: "KILL-1", first: 500) { items { id } } }`);
    expect(movements.items).toHaveLength(total);
    expect(ledgerViolations(node.dataDir)).toEqual([]);
  });

  it("restarts a killed worker by itself and reports db up in /health again", async () => {
    const worker = node.workerPid();
    killPid(worker, "SIGKILL");
    const fetch = (await import("../helpers/node.ts")).tlsFetch();
    await waitFor(() => node.workerPid() !== worker, { what: "a restarted worker" });
    await waitFor(async () => ((await (await fetch(`${node.url}/health`)).json()) as any).db === "up", { what: "db up again" });
    expect((await node.client.request<any>(PRODUCT, { sku: "RACE-1" })).product.onHand).toBe(50);
  });
});

describe("node start-up", () => {
  it("refuses bad flags with a clear message and a non-zero exit", async () => {
    const bad = spawnTs("node/main.ts", ["--id", "madrid", "--port", "abc"]);
    expect(await bad.exited).toBe(2);
    expect(bad.text.join("\n")).toMatch(/--port must be a whole number from 0 to 65535/);
    const missing = spawnTs("node/main.ts", ["--port", "0"], { WMS_NODE_ID: "" });
    expect(await missing.exited).toBe(2);
    expect(missing.text.join("\n")).toMatch(/--id is required/);
    const unknown = spawnTs("node/main.ts", ["--id", "madrid", "--colour", "red"]);
    expect(await unknown.exited).toBe(2);
    expect(unknown.text.join("\n")).toMatch(/Unknown option '--colour'/);
  });

  it("keeps its data across a restart and upgrades nothing twice", async () => {
    const first = await startNode({ id: "valencia" });
    await first.client.request(CREATE, { sku: "KEEP-1", q: 9 });
    expect(await first.stop()).toBe(0);
    const second = await startNode({ id: "valencia", dataDir: first.dataDir });
    expect((await second.client.request<any>(PRODUCT, { sku: "KEEP-1" })).product.onHand).toBe(9);
    expect(second.process.logs.some((l) => l.msg === "migrations applied")).toBe(false);
    await second.stop();
  });
});
