import { buildSchema, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { loadOperations } from "../../client/operations.ts";
import { rootField, withoutWarehouse } from "../../client/node-adapter.ts";
import { gatewayTypeDefs } from "../../gateway/schema.ts";
import { readGatewaySdl, readNodeSdl } from "../../schema/index.ts";

const operations = [...loadOperations().values()];
const gateway = buildSchema(gatewayTypeDefs(readNodeSdl(), readGatewaySdl()).typeDefs);
const node = buildSchema(readNodeSdl());

describe("the client's GraphQL documents", () => {
  it("are valid against the gateway schema (node* ones against the node's)", () => {
    for (const op of operations) {
      const schema = op.name.startsWith("node") ? node : gateway;
      expect(validate(schema, op.document).map((e) => e.message), op.name).toEqual([]);
    }
  });

  it("are valid against a node once rewritten for direct mode", () => {
    // Per-warehouse operations are rewritten; company-wide ones are built from the node* operations instead.
    const perWarehouse = operations.filter((o) => !o.name.startsWith("node") && (o.kind === "mutation" || rootField(o.definition).name.value === "warehouse"));
    expect(perWarehouse.map((o) => o.name)).toEqual(expect.arrayContaining(["reserve", "warehouseMovements", "cancelTransfer"]));
    for (const op of perWarehouse) {
      const hoisted = op.kind === "query";
      expect(validate(node, withoutWarehouse(op.definition, hoisted).document).map((e) => e.message), op.name).toEqual([]);
    }
  });
});
