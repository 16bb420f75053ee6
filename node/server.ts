import https from "node:https";
import { createSchema, createYoga, type Plugin } from "graphql-yoga";
import type { ServerTlsFiles } from "../certs/generate.ts";
import { errorResponse, jsonResponse } from "../lib/http-json.ts";
import { certificateRequired, peerIdentity, requestOf } from "../lib/peer-identity.ts";
import { serverTlsOptions } from "../lib/tls.ts";
import type { AuthOptions } from "../lib/auth/use-auth.ts";
import { limitBody } from "../lib/limit-body.ts";
import { LIMITS } from "../lib/plugins/hardening.ts";
import { sharedYogaOptions } from "../lib/yoga-options.ts";
import { readNodeSdl } from "../schema/index.ts";
import { usePeerRoutes } from "./peers/routes.ts";
import type { JobCaller } from "./resolvers/context.ts";
import type { TransferService } from "./transfers/service.ts";
import { graphqlCaller, resolvers, type NodeContext } from "./resolvers/index.ts";

export interface NodeServerDeps {
  node: { id: string; name: string };
  dev: boolean;
  tls: ServerTlsFiles;
  call: JobCaller;
  transfers: TransferService;
  /** Whether the db worker answers, for /health. */
  dbUp: () => Promise<boolean>;
  auth: Omit<AuthOptions, "scope">;
  rateLimit: { perSecond: number; burst: number };
}

/** Builds the node's HTTPS server (GraphQL at /graphql, /health); main.ts decides where it listens. */
export function createNodeServer(deps: NodeServerDeps) {
  const call = graphqlCaller(deps.call);
  const yoga = createYoga<{}, NodeContext>({
    schema: createSchema<NodeContext>({ typeDefs: readNodeSdl(), resolvers }),
    context: () => ({ node: deps.node, call, transfers: deps.transfers }),
    ...sharedYogaOptions({
      dev: deps.dev,
      auth: { ...deps.auth, scope: { kind: "node", nodeId: deps.node.id } },
      // Peer routes (/api/transfers, /api/stock) serve company servers, not people: not limited per token.
      rateLimit: { ...deps.rateLimit, paths: (path) => path === "/graphql" },
      routes: [useHealth(deps), useSchemaRoute(), usePeerRoutes(deps.call)],
    }),
  });
  const server = https.createServer(serverTlsOptions(deps.tls), limitBody(yoga, LIMITS.maxBodyBytes));
  return { yoga, server };
}

/** GET /schema.graphql: this node's SDL, for the gateway (company servers only; introspection stays off). */
function useSchemaRoute(): Plugin {
  const sdl = readNodeSdl();
  return {
    onRequest({ url, endResponse, fetchAPI, serverContext }) {
      if (url.pathname !== "/schema.graphql") return;
      if (!peerIdentity(requestOf(serverContext))) return endResponse(errorResponse(fetchAPI.Response, certificateRequired()));
      endResponse(new fetchAPI.Response(sdl, { headers: { "content-type": "text/plain; charset=utf-8" } }));
    },
  };
}

/** GET /health: open to anyone, so it says only whether this node and its database answer. */
function useHealth(deps: NodeServerDeps): Plugin {
  return {
    async onRequest({ url, endResponse, fetchAPI }) {
      if (url.pathname !== "/health") return;
      const db = (await deps.dbUp()) ? "up" : "down";
      endResponse(jsonResponse(fetchAPI.Response, 200, { status: "ok", id: deps.node.id, db }));
    },
  };
}
