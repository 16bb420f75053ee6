import { describe, expect, it } from "vitest";
import { GatewaySchema } from "../../gateway/gateway-schema.ts";
import { loadOperations } from "../../gateway/rest/operations.ts";
import { createLogger } from "../../lib/log.ts";
import { sdlHash } from "../../lib/sdl-hash.ts";
import { readGatewaySdl, readNodeSdl } from "../../schema/index.ts";

const quiet = createLogger({}, () => {});
const local = readNodeSdl();
const newer = local.replace("type Query {", "type Query {\n  \"Products at or below a threshold.\"\n  lowStock(threshold: Int!): [Product!]!");
const conflicting = local.replace("product(sku: ID!): Product", "product(sku: ID!): Warehouse");

function fakeFetch(sdl: string): typeof fetch {
  return (async () => new Response(sdl)) as unknown as typeof fetch;
}

function member(hash: string) {
  return { id: "sevilla", name: "Sevilla", url: "https://localhost:1", schemaHash: hash, lastSeen: Date.now() };
}

describe("the gateway schema", () => {
  const make = () => new GatewaySchema({ localNodeSdl: local, gatewaySdl: readGatewaySdl(), operations: loadOperations(), log: quiet });

  it("exposes node queries on Warehouse and node mutations with warehouseId", () => {
    const { schema } = make().current;
    const warehouse = schema.getType("Warehouse") as any;
    expect(Object.keys(warehouse.getFields())).toEqual(expect.arrayContaining(["id", "name", "url", "online", "lastSeen", "product", "products", "movements", "movementReport", "reservations"]));
    const reserve = schema.getMutationType()!.getFields().reserve!;
    expect(reserve.args.map((a) => a.name)).toEqual(["warehouseId", "sku", "quantity", "reference", "expiresInSeconds", "idempotencyKey"]);
    expect(String(reserve.args[0]!.type)).toBe("ID!");
  });

  it("rebuilds with a newer member's fields and tells yoga, once", async () => {
    const schemas = make();
    const seen: unknown[] = [];
    schemas.onChange((version) => seen.push(version.schema));
    const hash = sdlHash(newer);
    await schemas.learn(member(hash), fakeFetch(newer), () => [sdlHash(local), hash]);
    expect(seen).toHaveLength(1);
    expect(Object.keys((schemas.current.schema.getType("Warehouse") as any).getFields())).toContain("lowStock");
    expect(schemas.sdlOf(member(hash))).toBe(newer);
    await schemas.learn(member(hash), fakeFetch(newer), () => [sdlHash(local), hash]);
    expect(seen).toHaveLength(1);
  });

  it("keeps the current schema when a member's SDL conflicts or cannot be fetched", async () => {
    const schemas = make();
    const before = schemas.current.schema;
    await schemas.learn(member(sdlHash(conflicting)), fakeFetch(conflicting), () => [sdlHash(conflicting)]);
    expect(schemas.current.schema).toBe(before);
    const failing = (async () => { throw new Error("refused"); }) as unknown as typeof fetch;
    await schemas.learn(member("unknown-hash"), failing, () => ["unknown-hash"]);
    expect(schemas.current.schema).toBe(before);
  });
});
