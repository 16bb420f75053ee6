import fs from "node:fs";
import type { Logger } from "../../lib/log.ts";

export interface Peer {
  id: string;
  url: string;
  online: boolean;
}

/**
 * Where the other warehouses are: the static `--peers` list plus the gateways' member lists,
 * refreshed every few seconds and kept in a file so a node restarted while every gateway is down
 * still knows its peers.
 */
export class PeerDirectory {
  private fromGateway = new Map<string, Peer>();
  private timer: NodeJS.Timeout | null = null;
  /** A gateway answered at least once (now or in an earlier run, from the file). */
  informed = false;

  constructor(
    private readonly options: {
      selfId: string;
      staticPeers: { id: string; url: string }[];
      gateways: string[];
      fetch: typeof fetch;
      file: string;
      log: Logger;
      refreshMs?: number;
    },
  ) {
    try {
      for (const peer of JSON.parse(fs.readFileSync(options.file, "utf8")) as Peer[]) this.fromGateway.set(peer.id, { ...peer, online: false });
      this.informed = this.fromGateway.size > 0;
    } catch {
      // no cache yet
    }
  }

  start(): void {
    void this.refresh();
    this.timer = setInterval(() => void this.refresh(), this.options.refreshMs ?? 3000);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async refresh(): Promise<boolean> {
    for (const gateway of this.options.gateways) {
      try {
        const response = await this.options.fetch(`${gateway}/membership/members`, { signal: AbortSignal.timeout(2000) });
        if (!response.ok) continue;
        const members = (await response.json()) as Peer[];
        this.fromGateway = new Map(members.filter((m) => m.id !== this.options.selfId).map((m) => [m.id, m]));
        this.informed = true;
        fs.writeFileSync(this.options.file, JSON.stringify([...this.fromGateway.values()]));
        return true;
      } catch {
        // try the next gateway; the cached list stays
      }
    }
    return false;
  }

  /** Every other warehouse we know of; static peers count as online until a request says otherwise. */
  list(): Peer[] {
    const peers = new Map(this.fromGateway);
    for (const peer of this.options.staticPeers) if (peer.id !== this.options.selfId) peers.set(peer.id, { ...peer, online: true });
    return [...peers.values()].sort((a, b) => a.id.localeCompare(b.id));
  }

  lookup(id: string): Peer | null {
    return this.list().find((p) => p.id === id) ?? null;
  }

  /** Looks a peer up, asking the gateways again when it is not known yet (a warehouse that just joined). */
  async resolve(id: string): Promise<Peer | null> {
    return this.lookup(id) ?? ((await this.refresh()) ? this.lookup(id) : null);
  }
}
