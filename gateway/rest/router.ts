import type { Plugin } from "graphql-yoga";
import { jsonResponse } from "../../lib/http-json.ts";
import { httpStatusOf, isErrorCode } from "../../schema/errors.ts";
import type { RestOperation } from "./operations.ts";
import { restVariables } from "./variables.ts";

type GraphQLBody = { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
export type ExecuteOverGraphQL = (body: { query: string; variables: Record<string, unknown>; operationName: string }, headers: Headers) => Promise<GraphQLBody>;

/**
 * Serves each persisted operation as a REST route under /api. The call goes through the same
 * GraphQL pipeline (and so the same auth, limits and error codes); error codes become HTTP
 * statuses through the one switch in schema/errors.ts.
 */
export function useRestRoutes(operations: RestOperation[], execute: ExecuteOverGraphQL, openapi: () => unknown): Plugin {
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (!url.pathname.startsWith("/api/") && url.pathname !== "/api") return;
      const json = (status: number, body: unknown) => endResponse(jsonResponse(fetchAPI.Response, status, body));
      if (url.pathname === "/api/openapi.json" && request.method === "GET") return json(200, openapi());
      let operation: RestOperation | undefined;
      let params: Record<string, string> | null = null;
      for (const candidate of operations) if ((params = candidate.match(request.method, url.pathname))) { operation = candidate; break; }
      if (!operation || !params) return json(404, { error: { code: "NOT_FOUND", message: `No route ${request.method} ${url.pathname}` } });
      let body: unknown = null;
      if (request.method !== "GET") {
        try {
          const text = await request.text();
          body = text ? JSON.parse(text) : {};
        } catch {
          return json(400, { error: { code: "BAD_USER_INPUT", message: "The body must be JSON" } });
        }
      }
      const variables = restVariables(operation, params, url.searchParams, body);
      const result = await execute({ query: operation.document, variables, operationName: operation.name }, request.headers);
      const error = result.errors?.[0];
      if (error) {
        const code = isErrorCode(error.extensions?.code) ? error.extensions.code : "INTERNAL_SERVER_ERROR";
        return json(httpStatusOf(code), { error: { ...error.extensions, code, message: error.message } });
      }
      let value: unknown = result.data;
      for (const key of operation.resultPath) value = value === null || value === undefined ? value : (value as Record<string, unknown>)[key];
      if (value === null || value === undefined) return json(404, { error: { code: "NOT_FOUND", message: "Not found" } });
      return json(200, value);
    },
  };
}
