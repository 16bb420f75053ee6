import type { Plugin } from "graphql-yoga";
import type { Logger } from "../lib/log.ts";
import { peerIdentity, requestOf } from "../lib/peer-identity.ts";
import type { Registry } from "./registry.ts";

const ID = /^[a-z0-9][a-z0-9-]{0,31}$/;

/**
 * POST /membership/heartbeat {id, name, url, schemaHash}: a node registering or beating. Only a
 * company server may call it, and only under the id its certificate names.
 * GET /membership/members: the member list, for nodes looking for each other.
 */
export function useMembershipRoute(registry: Registry, log: Logger): Plugin {
  return {
    async onRequest({ request, url, endResponse, fetchAPI, serverContext }) {
      if (url.pathname !== "/membership/heartbeat" && url.pathname !== "/membership/members") return;
      const reply = (status: number, body: unknown) =>
        endResponse(new fetchAPI.Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } }));
      if (url.pathname === "/membership/members") {
        // Nodes find each other here for transfers; the list is for company servers only.
        if (!peerIdentity(requestOf(serverContext))) return reply(401, { error: { code: "UNAUTHENTICATED", message: "a company server certificate is required" } });
        return reply(200, registry.list().map(({ id, name, url: memberUrl, online }) => ({ id, name, url: memberUrl, online })));
      }
      if (request.method !== "POST") return reply(405, { error: { code: "BAD_USER_INPUT", message: "use POST" } });
      const peer = peerIdentity(requestOf(serverContext));
      if (!peer) return reply(401, { error: { code: "UNAUTHENTICATED", message: "a company server certificate is required" } });
      let beat: Record<string, unknown>;
      try {
        beat = (await request.json()) as Record<string, unknown>;
      } catch {
        return reply(400, { error: { code: "BAD_USER_INPUT", message: "body must be JSON" } });
      }
      const { id, name, url: memberUrl, schemaHash } = beat;
      if (typeof id !== "string" || !ID.test(id) || typeof name !== "string" || !name || name.length > 100 ||
          typeof memberUrl !== "string" || !/^https:\/\/[^\s/]+$/.test(memberUrl) || typeof schemaHash !== "string" || schemaHash.length > 128)
        return reply(400, { error: { code: "BAD_USER_INPUT", message: "heartbeat needs id, name, url (https://host:port) and schemaHash" } });
      if (id !== peer) {
        log.warn("heartbeat refused: id does not match certificate", { claimed: id, certificate: peer });
        return reply(403, { error: { code: "FORBIDDEN", message: `certificate is for ${peer}, not ${id}` } });
      }
      const before = registry.get(id);
      registry.heartbeat({ id, name, url: memberUrl, schemaHash });
      if (!before) log.info("member joined", { member: id, url: memberUrl });
      else if (!before.online) log.info("member back online", { member: id, url: memberUrl });
      return reply(200, { ok: true });
    },
  };
}
