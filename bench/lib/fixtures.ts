import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureServerCert } from "../../certs/generate.ts";
import { ensureTokenKeys } from "../../certs/token-keys.ts";
import { issueToken } from "../../lib/auth/tokens.ts";
import { createTlsFetch } from "../../lib/tls.ts";
import { spawnTs, type Spawned } from "./processes.ts";

/** What every benchmark shares: a throw-away CA and token key, an admin token, the load settings. */
export interface BenchContext {
  tmp: string;
  certsDir: string;
  ca: string;
  token: string;
  fetch: typeof fetch;
  load: { seconds: number; warmupSeconds: number; connections: number };
}

/** Never the repository's certs/ or data/: a bench must not touch a developer's demo federation. */
export async function createContext(load: BenchContext["load"]): Promise<BenchContext> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "wms-bench-"));
  const certsDir = path.join(tmp, "certs");
  const { ca } = await ensureServerCert(certsDir, "bench");
  const { privateKey } = await ensureTokenKeys(certsDir);
  const { token } = await issueToken(privateKey, { subject: "bench", role: "admin", ttlSeconds: 3600 });
  return { tmp, certsDir, ca, token, fetch: createTlsFetch({ ca }), load };
}

export interface Server {
  url: string;
  process: Spawned;
}

/** A bench-only server (bench/servers/baseline.ts): `yoga` or `raw`. */
export async function startBaseline(ctx: BenchContext, mode: "yoga" | "raw"): Promise<Server> {
  const proc = spawnTs("bench/servers/baseline.ts", [mode, ctx.certsDir]);
  const { port } = await proc.waitForLog((l) => l.msg === "listening", `the ${mode} baseline to listen`);
  return { url: `https://127.0.0.1:${port}`, process: proc };
}

export interface NodeServer extends Server {
  dataDir: string;
  workerPid: () => number;
}

/** A real warehouse node on a free port with its own data folder; resolves once its database answers. */
export async function startNode(ctx: BenchContext, id: string, args: string[] = []): Promise<NodeServer> {
  const dataDir = fs.mkdtempSync(path.join(ctx.tmp, `${id}-`));
  // --rate-limit 0: the per-token limiter would otherwise be what the bench measures.
  const proc = spawnTs("node/main.ts", ["--id", id, "--port", "0", "--data", dataDir, "--certs", ctx.certsDir, "--rate-limit", "0", ...args]);
  const { port } = await proc.waitForLog((l) => l.msg === "node listening", `node ${id} to listen`);
  const url = `https://127.0.0.1:${port}`;
  await until(async () => ((await (await ctx.fetch(`${url}/health`)).json()) as { db: string }).db === "up", `node ${id} database up`);
  const workerPid = () => [...proc.logs].reverse().find((l) => l.msg === "db worker started")!.workerPid as number;
  return { url, process: proc, dataDir, workerPid };
}

export async function startGateway(ctx: BenchContext): Promise<Server> {
  const proc = spawnTs("gateway/main.ts", ["--port", "0", "--data", path.join(ctx.tmp, "gateway"), "--certs", ctx.certsDir, "--rate-limit", "0"]);
  const { port } = await proc.waitForLog((l) => l.msg === "gateway listening", "the gateway to listen");
  return { url: `https://127.0.0.1:${port}`, process: proc };
}

export async function waitForMembers(ctx: BenchContext, gateway: Server, count: number): Promise<void> {
  await until(async () => {
    const health = (await (await ctx.fetch(`${gateway.url}/health`)).json()) as { members: { online: boolean }[] };
    return health.members.filter((m) => m.online).length === count;
  }, `${count} members online`);
}

/** One GraphQL call with the admin token; a GraphQL error throws, so set-up mistakes fail loudly. */
export async function graphql<T = any>(ctx: BenchContext, url: string, query: string, variables?: object): Promise<T> {
  const response = await ctx.fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${ctx.token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors?.length || !body.data) throw new Error(`${url}: ${JSON.stringify(body.errors ?? body)}`);
  return body.data;
}

export function createProduct(ctx: BenchContext, url: string, sku: string, quantity: number) {
  return graphql(ctx, url, `mutation ($sku: ID!, $q: Int!) { createProduct(input: { sku: $sku, name: "Bench", price: "1.00", quantity: $q }) { sku } }`, { sku, q: quantity });
}

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A node's two processes, for CPU accounting; several nodes add up under the same names. */
export const watchNode = (node: NodeServer) => [
  { name: "node", pid: node.process.pid },
  { name: "db worker", pid: node.workerPid() },
];
