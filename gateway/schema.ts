import { Kind, parse, print, type DefinitionNode, type FieldDefinitionNode, type InputValueDefinitionNode, type ObjectTypeDefinitionNode } from "graphql";
import { stitchSchemas } from "@graphql-tools/stitch";
import type { IResolvers } from "@graphql-tools/utils";

/** The node's query fields (minus `warehouse`) and mutations, as the gateway re-exposes them. */
export interface NodeSurface {
  memberQueryFields: string[];
  mutationFields: string[];
}

const warehouseIdArgument: InputValueDefinitionNode = {
  kind: Kind.INPUT_VALUE_DEFINITION,
  name: { kind: Kind.NAME, value: "warehouseId" },
  description: { kind: Kind.STRING, value: "The warehouse this mutation is routed to." },
  type: { kind: Kind.NON_NULL_TYPE, type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: "ID" } } },
};

/**
 * The gateway SDL, derived from the node SDL so the two never drift: the node's types as they are,
 * its queries as fields of `Warehouse`, its mutations with a leading `warehouseId: ID!`, plus the
 * company-wide fields of gateway.graphql.
 */
export function gatewayTypeDefs(nodeSdl: string, gatewaySdl: string): { typeDefs: string; surface: NodeSurface } {
  const document = parse(nodeSdl);
  const root = (name: string) =>
    document.definitions.find((d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === name);
  const query = root("Query");
  const mutation = root("Mutation");
  if (!query || !mutation) throw new Error("node SDL must define Query and Mutation");
  const types = document.definitions.filter((d) => d !== query && d !== mutation && d.kind !== Kind.SCHEMA_DEFINITION);
  const memberFields = (query.fields ?? []).filter((f) => f.name.value !== "warehouse");
  const routed: FieldDefinitionNode[] = (mutation.fields ?? []).map((f) => ({ ...f, arguments: [warehouseIdArgument, ...(f.arguments ?? [])] }));
  const generated: DefinitionNode[] = [
    { kind: Kind.OBJECT_TYPE_EXTENSION, name: { kind: Kind.NAME, value: "Warehouse" }, fields: memberFields },
    { ...mutation, fields: routed },
  ];
  return {
    typeDefs: `${print({ kind: Kind.DOCUMENT, definitions: [...types, ...generated] })}\n\n${gatewaySdl}`,
    surface: { memberQueryFields: memberFields.map((f) => f.name.value), mutationFields: routed.map((f) => f.name.value) },
  };
}

/** Builds the executable gateway schema with @graphql-tools/stitch (one schema; members are reached by delegation). */
export function buildGatewaySchema(typeDefs: string, resolvers: IResolvers) {
  return stitchSchemas({ subschemas: [], typeDefs, resolvers });
}
