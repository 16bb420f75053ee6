import { delegateToSchema } from "@graphql-tools/delegate";
import type { GraphQLResolveInfo, OperationTypeNode } from "graphql";
import { AppError, toGraphQLError } from "../lib/errors.ts";
import type { GatewayContext } from "./context.ts";
import { memberError } from "./member-errors.ts";

/**
 * Sends one field to one member: the caller's selection set is forwarded as is (delegateToSchema
 * rewrites it for the node), and the member's errors come back with its id attached.
 */
export async function delegateToMember(
  warehouseId: string,
  operation: OperationTypeNode,
  fieldName: string,
  args: Record<string, unknown>,
  context: GatewayContext,
  info: GraphQLResolveInfo,
): Promise<unknown> {
  let member;
  try {
    member = context.registry.requireOnline(warehouseId);
  } catch (error) {
    throw error instanceof AppError ? toGraphQLError(error) : error;
  }
  const result = await delegateToSchema({
    schema: context.executors.subschema(member),
    operation,
    fieldName,
    args,
    context,
    info,
  });
  if (result instanceof Error) throw memberError(result, warehouseId);
  return result;
}
