import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { createTlsFetch } from "../../lib/tls.ts";
import { killPid, spawnTs } from "../helpers/processes.ts";
import { waitFor } from "../helpers/wait.ts";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "wms-demo-"));
const certsCopy = fs.mkdtempSync(path.join(os.tmpdir(), "wms-demo-certs-"));
afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(certsCopy, { recursive: true, force: true });
});

const isFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = net.createServer().once("error", () => resolve(false)).listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });

/** Four consecutive free loopback ports: the demo's gateway and its three warehouses. */
async function freeRange(): Promise<number> {
  for (let tries = 0; tries < 50; tries++) {
    const base = 20_000 + Math.floor(Math.random() * 30_000);
    if ((await Promise.all([0, 1, 2, 3].map((i) => isFree(base + i)))).every(Boolean)) return base;
  }
  throw new Error("no four free consecutive ports");
}

it("npm start runs the seeded demo federation with an admin token, and Ctrl-C stops all of it", async () => {
  const port = await freeRange();
  // The demo makes its own CA and token keys when the folder is empty, as on a fresh clone.
  const demo = spawnTs("gateway/demo.ts", ["--port", String(port), "--data", dataDir, "--certs", certsCopy]);
  await waitFor(() => demo.text.some((l) => l.includes("demo is running")), { what: "the demo to be ready", timeoutMs: 90_000 });
  const tokenFile = path.join(dataDir, "admin.token");
  expect(fs.statSync(tokenFile).mode & 0o777).toBe(0o600);
  const token = fs.readFileSync(tokenFile, "utf8").trim();
  const demoFetch = createTlsFetch({ ca: fs.readFileSync(path.join(certsCopy, "ca.crt"), "utf8") });
  const stock = await waitFor(async () => {
    const response = await demoFetch(`https://localhost:${port}/api/stock/TALA-18V`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await response.json()) as { onHand?: number; byWarehouse?: unknown[] };
    return body.byWarehouse?.length === 3 ? body : null;
  }, { what: "company stock from all three warehouses" });
  expect(stock.onHand).toBe(12 + 5 + 8);

  killPid(demo.pid, "SIGINT");
  expect(await demo.exited).toBe(0);
  for (let i = 0; i < 4; i++) await waitFor(() => isFree(port + i), { what: `port ${port + i} to be released` });
});
