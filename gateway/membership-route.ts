import type { Plugin } from "graphql-yoga";
import { AppError } from "../lib/errors.ts";
import { errorResponse, jsonResponse } from "../lib/http-json.ts";
import type { Logger } from "../lib/log.ts";
import { certificateRequired, peerIdentity, requestOf } from "../lib/peer-identity.ts";
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
      const reply = (status: number, body: unknown) => endResponse(jsonResponse(fetchAPI.Response, status, body));
      const fail = (error: AppError) => endResponse(errorResponse(fetchAPI.Response, error));
      const peer = peerIdentity(requestOf(serverContext));
      if (url.pathname === "/membership/members") {
        // Nodes find each other here for transfers; the list is for company servers only.
        if (!peer) return fail(certificateRequired());
        return reply(200, registry.list().map(({ id, name, url: memberUrl, online }) => ({ id, name, url: memberUrl, online })));
      }
      if (request.method !== "POST") return reply(405, { error: { code: "BAD_USER_INPUT", message: "Use POST" } });
      if (!peer) return fail(certificateRequired());
      let beat: Record<string, unknown>;
      try {
        beat = (await request.json()) as Record<string, unknown>;
      } catch {
        return fail(new AppError("BAD_USER_INPUT", "The body must be JSON"));
      }
      const { id, name, url: memberUrl, schemaHash } = beat;
      if (typeof id !== "string" || !ID.test(id) || typeof name !== "string" || !name || name.length > 100 ||
          typeof memberUrl !== "string" || !/^https:\/\/[^\s/]+$/.test(memberUrl) || typeof schemaHash !== "string" || schemaHash.length > 128)
        return fail(new AppError("BAD_USER_INPUT", "A heartbeat needs id, name, url (https://host:port) and schemaHash"));
      if (id !== peer) {
        log.warn("heartbeat refused: id does not match certificate", { claimed: id, certificate: peer });
        return fail(new AppError("FORBIDDEN", `Certificate is for ${peer}, not ${id}`));
      }
      const before = registry.get(id);
      registry.heartbeat({ id, name, url: memberUrl, schemaHash });
      if (!before) log.info("member joined", { member: id, url: memberUrl });
      else if (!before.online) log.info("member back online", { member: id, url: memberUrl });
      return reply(200, { ok: true });
    },
  };
}
