import { GraphQLError } from "graphql";
import { AppError, toGraphQLError } from "../lib/errors.ts";
import { isErrorCode } from "../schema/errors.ts";

/**
 * A member's error as the gateway reports it: our own codes pass through with the warehouse added;
 * anything else (connection refused, timeout, a non-GraphQL answer) means the warehouse is
 * unavailable for this request.
 */
export function memberError(error: unknown, warehouseId: string): GraphQLError {
  const first = error instanceof AggregateError ? error.errors[0] : error;
  const code = first instanceof GraphQLError ? first.extensions?.code : first instanceof AppError ? first.code : undefined;
  if (isErrorCode(code) && code !== "INTERNAL_SERVER_ERROR") {
    const extensions = first instanceof GraphQLError ? first.extensions : (first as AppError).details;
    return new GraphQLError((first as Error).message, {
      path: first instanceof GraphQLError ? first.path : undefined,
      // A node's own error may already name a warehouse (the unreachable destination of a transfer).
      extensions: { warehouseId, ...extensions, code },
    });
  }
  return toGraphQLError(new AppError("WAREHOUSE_UNAVAILABLE", `Warehouse ${warehouseId} did not answer`, { warehouseId }));
}

/** Errors that mean the request itself is wrong: every member would say the same, so they are the answer. */
export function isCallerError(code: unknown): boolean {
  return code === "BAD_USER_INPUT" || code === "UNAUTHENTICATED" || code === "FORBIDDEN";
}
