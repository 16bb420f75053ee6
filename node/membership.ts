import type { Logger } from "../lib/log.ts";
import { sdlHash } from "../lib/sdl-hash.ts";
import { readNodeSdl } from "../schema/index.ts";

export interface Heartbeat {
  id: string;
  name: string;
  url: string;
  schemaHash: string;
}

export const schemaHash = (): string => sdlHash(readNodeSdl());

/**
 * Registers with every configured gateway and keeps heartbeating. The gateway marks a member
 * offline when beats stop, so a node that cannot reach any gateway simply keeps serving locally
 * and keeps trying; a restarted gateway learns about us again on the next beat.
 */
export function startHeartbeats(options: {
  gateways: string[];
  beat: Heartbeat;
  fetch: typeof fetch;
  intervalMs?: number;
  log: Logger;
}): () => void {
  const reachable = new Map<string, boolean>();
  const send = async (gateway: string) => {
    try {
      const response = await options.fetch(`${gateway}/membership/heartbeat`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(options.beat),
        signal: AbortSignal.timeout(2000),
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}: ${(await response.text()).slice(0, 200)}`);
      if (reachable.get(gateway) !== true) options.log.info("registered with gateway", { gateway });
      reachable.set(gateway, true);
    } catch (error) {
      // Log transitions only: a gateway down for an hour should not fill the disk.
      if (reachable.get(gateway) !== false) options.log.warn("gateway unreachable; will keep trying", { gateway, error: (error as Error).message });
      reachable.set(gateway, false);
    }
  };
  const tick = () => options.gateways.forEach((gateway) => void send(gateway));
  tick();
  const timer = setInterval(tick, options.intervalMs ?? 2000);
  return () => clearInterval(timer);
}
