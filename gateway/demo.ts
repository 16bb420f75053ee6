// `npm start`: the demo federation on one machine. The gateway on 4000 and three warehouse nodes on
// 4001-4003 with demo products seeded once, certificates made if missing, data under data/;
// Ctrl-C stops everything.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { GraphQLClient, gql } from "graphql-request";
import { caPaths, ensureServerCert } from "../certs/generate.ts";
import { ensureTokenKeys } from "../certs/token-keys.ts";
import { issueToken } from "../lib/auth/tokens.ts";
import { DEMO_PRODUCTS, DEMO_WAREHOUSES } from "../lib/demo-products.ts";
import { createTlsFetch } from "../lib/tls.ts";
import { parseOrExit } from "../lib/options.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const options = parseOrExit("npm start --", {
  port: { type: "int", env: "WMS_DEMO_PORT", default: 4000, min: 1, max: 65000, help: "gateway port; the warehouses take the next three" },
  data: { type: "string", env: "WMS_DEMO_DATA", default: "data", help: "data folder" },
  certs: { type: "string", env: "WMS_CERTS", default: "certs", help: "certificate folder" },
});
const certsDir = path.resolve(ROOT, options.certs ?? "certs");
const dataDir = path.resolve(ROOT, options.data ?? "data");
const children: ChildProcess[] = [];

function run(script: string, args: string[]): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, script), ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
  // Only warnings and errors reach the terminal; everything is kept in data/<name>.log.
  const name = args[args.indexOf("--id") + 1] ?? path.basename(script, ".ts");
  const logFile = fs.createWriteStream(path.join(dataDir, `${name}.log`), { flags: "a" });
  child.stdout!.pipe(logFile);
  child.stdout!.on("data", (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) if (/"level":"(warn|error)"/.test(line)) process.stdout.write(`[${name}] ${line}\n`);
  });
  child.on("exit", (code, signal) => {
    if (stopping) return;
    process.stdout.write(`[${name}] exited (${signal ?? code}); see ${path.join(dataDir, `${name}.log`)}\n`);
    // While starting, one missing server (a port in use, say) means the demo cannot come up.
    if (starting) void stop(1);
  });
  children.push(child);
  return child;
}

async function waitHealthy(url: string, fetch: typeof globalThis.fetch) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      const body = (await (await fetch(`${url}/health`)).json()) as { status?: string; db?: string };
      if (body.status === "ok" && body.db !== "down") return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not become healthy within 60 s (see data/*.log)`);
}

/** An admin token for the demo's user (and for seeding), kept in data/admin.token while valid. */
async function demoAdminToken(): Promise<string> {
  const file = path.join(dataDir, "admin.token");
  const { privateKey } = await ensureTokenKeys(certsDir);
  if (fs.existsSync(file)) {
    const token = fs.readFileSync(file, "utf8").trim();
    const exp = JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString() || "{}").exp as number | undefined;
    if (exp && exp * 1000 > Date.now() + 24 * 3600_000) return token;
  }
  const { token } = await issueToken(privateKey, { subject: "demo-admin", role: "admin", ttlSeconds: 30 * 24 * 3600 });
  fs.writeFileSync(file, `${token}\n`, { mode: 0o600 });
  return token;
}

async function seedOnce(id: string, url: string, stock: readonly number[], fetch: typeof globalThis.fetch) {
  const marker = path.join(dataDir, id, ".seeded");
  if (fs.existsSync(marker)) return;
  const client = new GraphQLClient(`${url}/graphql`, { fetch, headers: { authorization: `Bearer ${adminToken}` } });
  const CREATE = gql`mutation ($input: CreateProductInput!, $key: String) { createProduct(input: $input, idempotencyKey: $key) { sku } }`;
  for (const [i, product] of DEMO_PRODUCTS.entries())
    await client.request(CREATE, { input: { ...product, quantity: stock[i] }, key: `demo-seed-${id}-${product.sku}` });
  fs.writeFileSync(marker, new Date().toISOString());
}

let starting = true;
let stopping = false;
async function stop(exitCode = 0) {
  if (stopping) return;
  stopping = true;
  process.stdout.write("\nStopping the demo federation...\n");
  await Promise.all(
    children.map((child) => new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 5000).unref();
    })),
  );
  process.exit(exitCode);
}
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());

fs.mkdirSync(dataDir, { recursive: true });
const GATEWAY_PORT = options.port;
const warehouses = DEMO_WAREHOUSES.map((w, i) => ({ ...w, port: GATEWAY_PORT + 1 + i }));
const gatewayUrl = `https://localhost:${GATEWAY_PORT}`;
for (const id of ["gateway", ...warehouses.map((w) => w.id)]) await ensureServerCert(certsDir, id);
const fetch = createTlsFetch({ ca: fs.readFileSync(caPaths(certsDir).cert, "utf8") });
const adminToken = await demoAdminToken();

run("gateway/main.ts", ["--id", "gateway", "--port", String(GATEWAY_PORT), "--data", path.join(dataDir, "gateway"), "--certs", certsDir, "--dev"]);
// Nodes start once the gateway answers, so their first heartbeat finds it.
await waitHealthy(gatewayUrl, fetch).catch(async (error) => {
  process.stderr.write(`${(error as Error).message}\n`);
  await stop(1);
});
for (const w of warehouses)
  run("node/main.ts", [
    "--id", w.id, "--name", w.name, "--port", String(w.port), "--data", path.join(dataDir, w.id), "--certs", certsDir, "--dev", "--gateway", gatewayUrl,
  ]);
try {
  for (const w of warehouses) {
    const url = `https://localhost:${w.port}`;
    await waitHealthy(url, fetch);
    await seedOnce(w.id, url, w.stock, fetch);
  }
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  await stop(1);
}
starting = false;

process.stdout.write(`
Warehouse federation demo is running (dev mode: GraphiQL is on).
  Gateway    ${gatewayUrl}/graphql   REST: ${gatewayUrl}/api/openapi.json
${warehouses.map((w) => `  ${w.name.padEnd(10)} https://localhost:${w.port}/graphql`).join("\n")}
  Company CA: ${caPaths(certsDir).cert} (trust it in your browser or pass it to curl --cacert)
  Admin token: ${path.relative(process.cwd(), path.join(dataDir, "admin.token"))} (send it as "Authorization: Bearer <token>"; npm run token makes others)
Logs: ${path.relative(process.cwd(), dataDir)}/<name>.log. Press Ctrl-C to stop.
`);
