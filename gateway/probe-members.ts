import type { Logger } from "../lib/log.ts";
import type { Registry } from "./registry.ts";

/**
 * A restarted gateway knows its members from its file but not whether they are up: it asks each
 * one's /health at once rather than calling them all offline until their next heartbeat. A member
 * counts as up only if the server at its last address answers with its own id.
 */
export async function probeKnownMembers(registry: Registry, fetch: typeof globalThis.fetch, log: Logger): Promise<void> {
  await Promise.all(
    registry.list().map(async (member) => {
      try {
        const response = await fetch(`${member.url}/health`, { signal: AbortSignal.timeout(1500) });
        const health = (await response.json()) as { status?: string; id?: string };
        if (response.ok && health.status === "ok" && health.id === member.id) {
          registry.heartbeat({ id: member.id, name: member.name, url: member.url, schemaHash: member.schemaHash });
          log.info("member answered after the gateway restarted", { member: member.id });
        }
      } catch {
        // down or moved: its next heartbeat will tell
      }
    }),
  );
}
