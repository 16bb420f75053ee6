import Database from "better-sqlite3";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ClientError, GraphQLClient } from "graphql-request";
import { inject } from "vitest";
import { createTlsFetch } from "../../lib/tls.ts";
import { killPid, spawnTs, type Spawned } from "./processes.ts";
import { adminToken } from "./tokens.ts";
import { waitFor } from "./wait.ts";

export interface StartedNode {
  id: string;
  url: string;
  port: number;
  dataDir: string;
  process: Spawned;
  /** The db worker's pid as last logged (it changes after a restart). */
  workerPid(): number;
  client: GraphQLClient;
  /** SIGKILL the node and its worker. */
  kill(): Promise<void>;
  /** SIGTERM and wait for a clean exit. */
  stop(): Promise<number | null>;
}

export function certsDir(): string {
  return inject("certsDir");
}

export function tlsFetch() {
  return createTlsFetch({ ca: fs.readFileSync(path.join(certsDir(), "ca.crt"), "utf8") });
}

export function newDataDir(prefix = "wms-node-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Starts a real node process on a free loopback port with its own data folder; resolves once its db answers. */
export async function startNode(options: { id?: string; dataDir?: string; args?: string[]; env?: Record<string, string> } = {}): Promise<StartedNode> {
  const id = options.id ?? "madrid";
  const dataDir = options.dataDir ?? newDataDir();
  const proc = spawnTs(
    "node/main.ts",
    ["--id", id, "--port", "0", "--host", "127.0.0.1", "--data", dataDir, "--certs", certsDir(), ...(options.args ?? [])],
    options.env,
  );
  const listening = await proc.waitForLog((l) => l.msg === "node listening", `node ${id} to listen`);
  const port = listening.port as number;
  const url = `https://localhost:${port}`;
  const fetch = tlsFetch();
  await waitFor(async () => {
    const response = await fetch(`${url}/health`);
    return ((await response.json()) as { db: string }).db === "up";
  }, { what: `node ${id} database up`, timeoutMs: 30_000 });
  const workerPid = () => [...proc.logs].reverse().find((l) => l.msg === "db worker started")!.workerPid as number;
  return {
    id,
    url,
    port,
    dataDir,
    process: proc,
    workerPid,
    client: new GraphQLClient(`${url}/graphql`, { fetch, headers: { authorization: `Bearer ${await adminToken()}` } }),
    async kill() {
      const worker = workerPid();
      killPid(proc.pid, "SIGKILL");
      killPid(worker, "SIGKILL");
      await proc.exited;
    },
    async stop() {
      killPid(proc.pid, "SIGTERM");
      return proc.exited;
    },
  };
}

/** The `extensions.code` of the first GraphQL error a call fails with (the call must fail). */
export async function errorCode(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (error) {
    if (error instanceof ClientError) return String(error.response.errors?.[0]?.extensions?.code);
    throw error;
  }
  throw new Error("expected the call to fail");
}

export async function errorOf(call: Promise<unknown>): Promise<{ message: string; extensions: Record<string, unknown> }> {
  try {
    await call;
  } catch (error) {
    if (error instanceof ClientError) return error.response.errors![0] as never;
    throw error;
  }
  throw new Error("expected the call to fail");
}

/**
 * The ledger rules, read straight from the SQLite file: onHand == sum(movements), 0 <= reserved <= onHand,
 * reserved == sum of ACTIVE reservations. Returns the offending rows (empty when the ledger holds).
 */
export function ledgerViolations(dataDir: string): unknown[] {
  const db = new Database(path.join(dataDir, "warehouse.db"), { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare(
        `SELECT p.sku, p.onHand, p.reserved,
           (SELECT COALESCE(SUM(m.quantity), 0) FROM Movement m WHERE m.sku = p.sku) AS ledger,
           (SELECT COALESCE(SUM(r.quantity), 0) FROM Reservation r WHERE r.sku = p.sku AND r.status = 'ACTIVE') AS held,
           (SELECT m.balanceAfter FROM Movement m WHERE m.sku = p.sku ORDER BY m.id DESC LIMIT 1) AS lastBalance
         FROM Product p`,
      )
      .all()
      .filter((row: any) => row.onHand !== row.ledger || row.reserved < 0 || row.reserved > row.onHand || row.reserved !== row.held || (row.lastBalance !== null && row.lastBalance !== row.onHand));
  } finally {
    db.close();
  }
}
