import { useGenericAuth } from "@envelop/generic-auth";
import { createGraphQLError } from "@graphql-tools/utils";
import { getArgumentValues, type GraphQLError } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { RevocationList } from "./revocations.ts";
import { atLeast, requiredRole } from "./roles.ts";
import { createVerifier, type AuthFailure, type Principal } from "./tokens.ts";

export interface AuthOptions {
  publicKeyPem: string;
  revocations: RevocationList;
  /**
   * Where a token's warehouse list is enforced: a node refuses tokens that do not list it; the
   * gateway refuses routed calls (`warehouseId`, `warehouse(id:)`) to unlisted warehouses and
   * leaves them out of company-wide answers.
   */
  scope: { kind: "node"; nodeId: string } | { kind: "gateway" };
}

export type CurrentUser = Principal | AuthFailure;

const denied = (code: "UNAUTHENTICATED" | "FORBIDDEN", message: string): GraphQLError =>
  createGraphQLError(message, { extensions: { code, http: { status: code === "UNAUTHENTICATED" ? 401 : 403 } } });

export function principalOf(context: { currentUser?: CurrentUser }): Principal | null {
  const user = context.currentUser;
  return user && !("failure" in user) ? user : null;
}

/**
 * Every GraphQL field needs a valid, unrevoked bearer token (DESIGN.md rule 6), checked during
 * validation so a refused operation runs nothing. Roles and warehouse lists are checked on the
 * root fields, where an operation says what it does and to which warehouse.
 */
export function useAuth(options: AuthOptions): Plugin {
  const verify = createVerifier(options.publicKeyPem);
  return useGenericAuth<CurrentUser, { request?: Request }>({
    mode: "protect-all",
    resolveUserFn: async (context) => {
      const header = context.request?.headers.get("authorization");
      if (!header) return { failure: "A bearer token is required (Authorization: Bearer <token>)" };
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match) return { failure: 'The Authorization header must be "Bearer <token>"' };
      const result = await verify(match[1]!);
      if ("failure" in result) return result;
      if (options.revocations.has(result.tokenId)) return { failure: "The token has been revoked" };
      return result;
    },
    validateUser: ({ user, fieldNode, parentType, field, executionArgs }) => {
      if (!user || "failure" in user) return denied("UNAUTHENTICATED", user?.failure ?? "A bearer token is required");
      const schema = executionArgs.schema;
      const operation = parentType === schema.getQueryType() ? "query" : parentType === schema.getMutationType() ? "mutation" : null;
      if (!operation) return;
      const name = fieldNode.name.value;
      const needed = requiredRole(operation, name);
      if (!atLeast(user.role, needed)) return denied("FORBIDDEN", `${name} needs the ${needed} role; this token has ${user.role}`);
      if (!user.warehouses) return;
      if (options.scope.kind === "node") {
        if (!user.warehouses.includes(options.scope.nodeId)) return denied("FORBIDDEN", `This token may not act on warehouse ${options.scope.nodeId}`);
        return;
      }
      let args: Record<string, unknown> = {};
      try {
        args = getArgumentValues(field, fieldNode, executionArgs.variableValues ?? {});
      } catch {
        return; // badly typed arguments are reported by execution as BAD_USER_INPUT
      }
      const target = args.warehouseId ?? (name === "warehouse" ? args.id : undefined);
      if (typeof target === "string" && !user.warehouses.includes(target)) return denied("FORBIDDEN", `This token may not act on warehouse ${target}`);
    },
  }) as Plugin;
}
