import https from "node:https";
import { createYoga, type Plugin, type YogaServerInstance } from "graphql-yoga";
import type { ServerTlsFiles } from "../certs/generate.ts";
import type { Logger } from "../lib/log.ts";
import { serverTlsOptions } from "../lib/tls.ts";
import type { AuthOptions } from "../lib/auth/use-auth.ts";
import { jsonResponse } from "../lib/http-json.ts";
import { limitBody } from "../lib/limit-body.ts";
import { LIMITS } from "../lib/plugins/hardening.ts";
import { sharedYogaOptions } from "../lib/yoga-options.ts";
import { readGatewaySdl, readNodeSdl } from "../schema/index.ts";
import type { GatewayContext } from "./context.ts";
import { MemberExecutors } from "./member-executors.ts";
import { useMembershipRoute } from "./membership-route.ts";
import type { Registry } from "./registry.ts";
import { GatewaySchema } from "./gateway-schema.ts";
import { loadOperations } from "./rest/operations.ts";
import { useRestRoutes, type ExecuteOverGraphQL } from "./rest/router.ts";

export interface GatewayServerDeps {
  id: string;
  dev: boolean;
  tls: ServerTlsFiles;
  registry: Registry;
  /** mTLS fetch used to reach members. */
  fetch: typeof fetch;
  memberTimeoutMs: number;
  log: Logger;
  auth: Omit<AuthOptions, "scope">;
  rateLimit: { perSecond: number; burst: number };
}

/** Builds the gateway's HTTPS server: company GraphQL at /graphql, REST under /api, membership, /health. */
export function createGatewayServer(deps: GatewayServerDeps) {
  const operations = loadOperations();
  const schemas = new GatewaySchema({ localNodeSdl: readNodeSdl(), gatewaySdl: readGatewaySdl(), operations, log: deps.log });
  const executors = new MemberExecutors({ fetch: deps.fetch, timeoutMs: deps.memberTimeoutMs }, (member) => schemas.sdlOf(member));
  // A member on another release brings its SDL; the rebuilt schema reaches yoga through setSchema.
  deps.registry.onChange((member) => void schemas.learn(member, deps.fetch, () => deps.registry.list().map((m) => m.schemaHash)));

  const yoga: YogaServerInstance<{}, GatewayContext> = createYoga<{}, GatewayContext>({
    schema: schemas.current.schema,
    context: ({ request }) => ({
      registry: deps.registry,
      executors,
      memberTimeoutMs: deps.memberTimeoutMs,
      authorization: request.headers.get("authorization") ?? undefined,
      requestId: request.headers.get("x-request-id") ?? undefined,
    }),
    ...sharedYogaOptions({
      dev: deps.dev,
      auth: { ...deps.auth, scope: { kind: "gateway" } },
      rateLimit: { ...deps.rateLimit, paths: (path) => path === "/graphql" || path.startsWith("/api/") },
      routes: [
        useSchemaUpdates(schemas),
        useGatewayHealth(deps),
        useMembershipRoute(deps.registry, deps.log),
        useRestRoutes(
          operations,
          async (body, headers): Promise<Awaited<ReturnType<ExecuteOverGraphQL>>> => {
            const forwarded = new Headers({ "content-type": "application/json", accept: "application/json" });
            for (const name of ["authorization", "x-request-id"]) if (headers.get(name)) forwarded.set(name, headers.get(name)!);
            const response: Response = await yoga.fetch("https://gateway.internal/graphql", { method: "POST", headers: forwarded, body: JSON.stringify(body) });
            return (await response.json()) as Awaited<ReturnType<ExecuteOverGraphQL>>;
          },
          () => schemas.current.openapi,
        ),
      ],
    }),
  });
  const server = https.createServer(serverTlsOptions(deps.tls), limitBody(yoga, LIMITS.maxBodyBytes));
  return { yoga, server, schemas };
}

function useSchemaUpdates(schemas: GatewaySchema): Plugin {
  return {
    onPluginInit({ setSchema }) {
      schemas.onChange((version) => setSchema(version.schema));
    },
  };
}

/** GET /health: the gateway and each member's state; open to anyone, so ids and states only. */
function useGatewayHealth(deps: GatewayServerDeps): Plugin {
  return {
    onRequest({ url, endResponse, fetchAPI }) {
      if (url.pathname !== "/health") return;
      const members = deps.registry.list().map((m) => ({ id: m.id, online: m.online, lastSeen: new Date(m.lastSeen).toISOString() }));
      endResponse(jsonResponse(fetchAPI.Response, 200, { status: "ok", id: deps.id, members }));
    },
  };
}
