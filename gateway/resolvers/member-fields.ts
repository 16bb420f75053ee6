import { OperationTypeNode, type GraphQLResolveInfo } from "graphql";
import type { GatewayContext } from "../context.ts";
import { delegateToMember } from "../delegate.ts";
import type { MemberView } from "../registry.ts";

/** Warehouse.<node query field>: delegated to that member as its own root query. */
export function memberFieldResolvers(fields: string[]) {
  return Object.fromEntries(
    fields.map((field) => [
      field,
      (member: MemberView, args: Record<string, unknown>, ctx: GatewayContext, info: GraphQLResolveInfo) =>
        delegateToMember(member.id, OperationTypeNode.QUERY, field, args, ctx, info),
    ]),
  );
}

/** Mutation.<node mutation>(warehouseId, …): routed to that member without the extra argument. */
export function routedMutationResolvers(fields: string[]) {
  return Object.fromEntries(
    fields.map((field) => [
      field,
      (_: unknown, { warehouseId, ...args }: Record<string, unknown>, ctx: GatewayContext, info: GraphQLResolveInfo) =>
        delegateToMember(String(warehouseId), OperationTypeNode.MUTATION, field, args, ctx, info),
    ]),
  );
}
