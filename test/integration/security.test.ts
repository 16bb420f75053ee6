import fs from "node:fs";
import http from "node:http";
import https from "node:https";
import os from "node:os";
import path from "node:path";
import { gql, GraphQLClient } from "graphql-request";
import { generateKeyPair, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureServerCert } from "../../certs/generate.ts";
import { createTlsFetch } from "../../lib/tls.ts";
import { Federation, serverFetch } from "../helpers/federation.ts";
import { certsDir, errorCode, errorOf, startNode, tlsFetch, type StartedNode } from "../helpers/node.ts";
import { spawnTs } from "../helpers/processes.ts";
import { adminToken, tokenFor } from "../helpers/tokens.ts";
import { waitFor } from "../helpers/wait.ts";

const fed = new Federation();
let rogueDir: string;

beforeAll(async () => {
  await fed.start(["madrid", "valencia"]);
  await fed.nodes.madrid!.client.request(gql`mutation { createProduct(input: { sku: "SEC-1", name: "Candado", price: "7.00", quantity: 10 }) { sku } }`);
  // Another CA's certificates, with the same server names as the company's.
  rogueDir = fs.mkdtempSync(path.join(os.tmpdir(), "wms-rogue-"));
  await ensureServerCert(rogueDir, "madrid");
});
afterAll(async () => {
  await fed.stop();
  fs.rmSync(rogueDir, { recursive: true, force: true });
});

const client = (url: string, token?: string) =>
  new GraphQLClient(`${url}/graphql`, { fetch: tlsFetch(), headers: token ? { authorization: `Bearer ${token}` } : {} });
const RESERVE = gql`mutation ($w: ID!) { reserve(warehouseId: $w, sku: "SEC-1", quantity: 1) { id } }`;
const STOCK = gql`{ stock(sku: "SEC-1") { onHand reserved } }`;
const STOCK_OR_WAREHOUSE = (url: string) => (url === fed.gateway.url ? STOCK : gql`{ warehouse { id } }`);
const reservedNow = async () => (await fed.gateway.client.request<any>(STOCK)).stock.reserved as number;

describe("transport", () => {
  it("does not serve plain HTTP at all", async () => {
    const outcome = await new Promise<string>((resolve) => {
      const req = http.get({ host: "127.0.0.1", port: fed.nodes.madrid!.port, path: "/health" }, (res) => resolve(`status ${res.statusCode}`));
      req.on("error", (error) => resolve(`error ${(error as NodeJS.ErrnoException).code}`));
    });
    expect(outcome).not.toBe("status 200");
    expect(outcome).toMatch(/^(error|status 400)/);
  });

  it("makes clients and peers reject a server whose certificate comes from another CA", async () => {
    const rogue = fs.readFileSync(path.join(rogueDir, "servers", "madrid.crt"), "utf8");
    const key = fs.readFileSync(path.join(rogueDir, "servers", "madrid.key"), "utf8");
    const server = https.createServer({ cert: rogue, key }, (_req, res) => res.end('{"status":"ok"}'));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const port = (server.address() as { port: number }).port;
      await expect(tlsFetch()(`https://localhost:${port}/health`)).rejects.toThrow();
      await expect(serverFetch("valencia")(`https://localhost:${port}/api/transfers`, { method: "POST", body: "{}" })).rejects.toThrow();
    } finally {
      server.close();
    }
  });

  it("refuses peer calls and heartbeats with a certificate from another CA, or under another id", async () => {
    // Trusts the company CA (to reach our servers) while presenting madrid's name signed by another CA.
    const rogueFetch = createTlsFetch({
      ca: fs.readFileSync(path.join(certsDir(), "ca.crt"), "utf8"),
      cert: fs.readFileSync(path.join(rogueDir, "servers", "madrid.crt"), "utf8"),
      key: fs.readFileSync(path.join(rogueDir, "servers", "madrid.key"), "utf8"),
    });
    const post = (fetch: typeof globalThis.fetch, url: string, body: unknown) =>
      fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const offer = { id: "11111111-2222-3333-4444-555555555555", sku: "SEC-1", quantity: 5, from: "madrid", to: "valencia", name: "x", description: "", price: "1.00", reference: null };
    expect((await post(rogueFetch, `${fed.nodes.valencia!.url}/api/transfers`, offer)).status).toBe(401);
    const beat = { id: "madrid", name: "Impostor", url: "https://localhost:1", schemaHash: "x" };
    expect((await post(rogueFetch, `${fed.gateway.url}/membership/heartbeat`, beat)).status).toBe(401);
    // A genuine company server cannot speak for another one.
    expect((await post(serverFetch("valencia"), `${fed.gateway.url}/membership/heartbeat`, beat)).status).toBe(403);
    expect((await post(serverFetch("valencia"), `${fed.nodes.valencia!.url}/api/transfers`, offer)).status).toBe(403);
    expect((await fed.nodes.valencia!.client.request<any>(gql`{ product(sku: "SEC-1") { sku } }`)).product).toBeNull();
    const { warehouses } = await fed.gateway.client.request<any>(gql`{ warehouses { id name url } }`);
    expect(warehouses.find((w: any) => w.id === "madrid")).toEqual({ id: "madrid", name: "Madrid", url: fed.nodes.madrid!.url });
  });
});

describe("tokens", () => {
  const foreignToken = async (claims: Record<string, unknown>, expiresAt: number) => {
    const { privateKey } = await generateKeyPair("ES256");
    return new SignJWT(claims).setProtectedHeader({ alg: "ES256" }).setIssuer("warehouse-federation").setSubject("mallory").setJti("x").setExpirationTime(expiresAt).sign(privateKey);
  };

  it("answers UNAUTHENTICATED to a missing, expired, forged, tampered or revoked token, and changes nothing", async () => {
    const before = await reservedNow();
    const expired = await new SignJWT({ role: "admin" })
      .setProtectedHeader({ alg: "ES256" }).setIssuer("warehouse-federation").setSubject("old").setJti("old-1")
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(await importTestKey());
    const forged = await foreignToken({ role: "admin" }, Math.floor(Date.now() / 1000) + 600);
    const genuine = (await tokenFor("viewer")).token;
    const [header, payload, signature] = genuine.split(".");
    const promoted = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, "base64url").toString()), role: "admin" })).toString("base64url");
    const tampered = `${header}.${promoted}.${signature}`;
    const revoked = await tokenFor("admin", { subject: "leaver" });
    const revoke = spawnTs("certs/token.ts", ["--revoke", revoked.tokenId, "--certs", certsDir()]);
    expect(await revoke.exited).toBe(0);

    for (const url of [fed.gateway.url, fed.nodes.madrid!.url]) {
      const mutation = url === fed.gateway.url ? RESERVE : gql`mutation { reserve(sku: "SEC-1", quantity: 1) { id } }`;
      for (const token of [undefined, expired, forged, tampered, "not-a-jwt"]) {
        const error = await errorOf(client(url, token).request(mutation, { w: "madrid" }));
        expect(error.extensions.code, `${url} ${token?.slice(0, 12)}`).toBe("UNAUTHENTICATED");
      }
    }
    expect((await errorOf(client(fed.gateway.url, expired).request(STOCK))).message).toMatch(/expired/);
    // A revocation reaches every server within about a second, with no restart.
    for (const url of [fed.gateway.url, fed.nodes.madrid!.url])
      await waitFor(async () => (await errorCode(client(url, revoked.token).request(STOCK_OR_WAREHOUSE(url)))) === "UNAUTHENTICATED", { what: "the revocation to apply" });
    expect(await reservedNow()).toBe(before);
    const rest = await tlsFetch()(`${fed.gateway.url}/api/stock/SEC-1`);
    expect(rest.status).toBe(401);
    // /health stays open and says nothing sensitive.
    const health = (await (await tlsFetch()(`${fed.nodes.madrid!.url}/health`)).json()) as Record<string, unknown>;
    expect(Object.keys(health).sort()).toEqual(["db", "id", "status"]);
  });

  it("answers FORBIDDEN to the wrong role or warehouse, and changes nothing", async () => {
    const before = await reservedNow();
    const viewer = (await tokenFor("viewer")).token;
    const clerk = (await tokenFor("clerk")).token;
    const valenciaClerk = (await tokenFor("clerk", { warehouses: ["valencia"] })).token;
    expect(await errorCode(client(fed.gateway.url, viewer).request(RESERVE, { w: "madrid" }))).toBe("FORBIDDEN");
    expect(await errorCode(client(fed.gateway.url, clerk).request(gql`mutation { createProduct(warehouseId: "madrid", input: { sku: "SEC-2", name: "x", price: "1.00" }) { sku } }`))).toBe("FORBIDDEN");
    expect(await errorCode(client(fed.gateway.url, clerk).request(gql`mutation { transferStock(warehouseId: "madrid", sku: "SEC-1", quantity: 1, to: "valencia") { id } }`))).toBe("FORBIDDEN");
    expect(await errorCode(client(fed.gateway.url, valenciaClerk).request(RESERVE, { w: "madrid" }))).toBe("FORBIDDEN");
    expect(await errorCode(client(fed.nodes.madrid!.url, valenciaClerk).request(gql`mutation { reserve(sku: "SEC-1", quantity: 1) { id } }`))).toBe("FORBIDDEN");
    expect(await errorCode(client(fed.gateway.url, valenciaClerk).request(gql`{ warehouse(id: "madrid") { products { items { sku } } } }`))).toBe("FORBIDDEN");
    expect(await reservedNow()).toBe(before);

    // Allowed work still goes through, and the scoped token sees only its warehouses.
    expect((await client(fed.gateway.url, viewer).request<any>(STOCK)).stock.onHand).toBe(10);
    await client(fed.gateway.url, clerk).request(RESERVE, { w: "madrid" });
    expect(await reservedNow()).toBe(before + 1);
    const scoped = await client(fed.gateway.url, valenciaClerk).request<any>(gql`{ stock(sku: "SEC-1") { onHand byWarehouse { warehouseId } } }`);
    expect(scoped.stock).toEqual({ onHand: 0, byWarehouse: [] });
    const rest = await tlsFetch()(`${fed.gateway.url}/api/warehouses/madrid/reservations`, {
      method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${viewer}` }, body: JSON.stringify({ sku: "SEC-1", quantity: 1 }),
    });
    expect(rest.status).toBe(403);
  });
});

describe("hostile input", () => {
  let limited: StartedNode;
  beforeAll(async () => {
    limited = await startNode({ id: "valencia", args: ["--rate-limit", "1", "--rate-burst", "5"] });
  });
  afterAll(async () => {
    await limited.stop();
  });

  const raw = (body: string, headers: Record<string, string> = {}) =>
    tlsFetch()(`${fed.nodes.madrid!.url}/graphql`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });

  it("refuses a 10 MB body, a depth-50 query, 1000 aliases and oversized batches, and keeps serving", async () => {
    const auth = { authorization: `Bearer ${await adminToken()}` };
    const big = await raw(JSON.stringify({ query: "{ warehouse { id } }", padding: "x".repeat(10_000_000) }), auth);
    expect(big.status).toBe(413);

    const depth50 = `{ __type(name: "Product") { ${"ofType { ".repeat(49)} name ${"} ".repeat(49)} } }`;
    const deepBody = (await (await raw(JSON.stringify({ query: depth50 }), auth)).json()) as any;
    expect(deepBody.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(deepBody.errors.map((e: any) => e.message).join(" ")).toMatch(/depth|cost/i);

    const aliases = `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: warehouse { id }`).join(" ")} }`;
    const aliasBody = (await (await raw(JSON.stringify({ query: aliases }), auth)).json()) as any;
    expect(aliasBody.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    // 1000 aliases trip the token limit first; 100 cheap ones trip the alias limit itself.
    const hundred = `{ ${Array.from({ length: 100 }, (_, i) => `a${i}: warehouse { id }`).join(" ")} }`;
    const hundredBody = (await (await raw(JSON.stringify({ query: hundred }), auth)).json()) as any;
    expect(hundredBody.errors?.map((e: any) => e.message).join(" ")).toMatch(/alias/i);
    expect(aliasBody.data ?? null).toBeNull();

    const batch = await raw(JSON.stringify(Array.from({ length: 50 }, () => ({ query: "{ warehouse { id } }" }))), auth);
    expect(batch.status).toBeGreaterThanOrEqual(400);

    const fine = (await (await raw(JSON.stringify({ query: "{ warehouse { id } }" }), auth)).json()) as any;
    expect(fine).toEqual({ data: { warehouse: { id: "madrid" } } });
  });

  it("refuses a burst past one token's rate limit with RATE_LIMITED while other tokens carry on", async () => {
    const noisy = new GraphQLClient(`${limited.url}/graphql`, { fetch: tlsFetch(), headers: { authorization: `Bearer ${(await tokenFor("viewer")).token}` } });
    const quiet = new GraphQLClient(`${limited.url}/graphql`, { fetch: tlsFetch(), headers: { authorization: `Bearer ${(await tokenFor("viewer")).token}` } });
    const outcomes = await Promise.allSettled(Array.from({ length: 20 }, () => noisy.request(gql`{ warehouse { id } }`)));
    const refused = outcomes.filter((o) => o.status === "rejected");
    expect(refused.length).toBeGreaterThanOrEqual(14);
    expect(String((refused[0] as PromiseRejectedResult).reason)).toMatch(/RATE_LIMITED/);
    expect(await quiet.request(gql`{ warehouse { id } }`)).toEqual({ warehouse: { id: "valencia" } });
  });

  it("serves no introspection and no GraphiQL outside dev mode", async () => {
    const auth = { authorization: `Bearer ${await adminToken()}` };
    const body = (await (await raw(JSON.stringify({ query: "{ __schema { types { name } } }" }), auth)).json()) as any;
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.length).toBeGreaterThan(0);
    const page = await tlsFetch()(`${fed.nodes.madrid!.url}/graphql`, { headers: { accept: "text/html" } });
    expect(await page.text()).not.toMatch(/graphiql/i);
    const typo = (await (await raw(JSON.stringify({ query: "{ prodcts { items { sku } } }" }), auth)).json()) as any;
    expect(JSON.stringify(typo)).not.toMatch(/Did you mean/);
  });
});

async function importTestKey() {
  const { importPKCS8 } = await import("jose");
  return importPKCS8(fs.readFileSync(path.join(certsDir(), "token-signing.key"), "utf8"), "ES256");
}
