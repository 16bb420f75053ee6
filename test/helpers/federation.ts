import fs from "node:fs";
import path from "node:path";
import { gql } from "graphql-request";
import { startGateway, waitForOnline, type StartedGateway } from "./gateway.ts";
import { certsDir, startNode, type StartedNode } from "./node.ts";
import { createTlsFetch } from "../../lib/tls.ts";

/** A gateway plus warehouse nodes that register with it, all real processes on loopback. */
export class Federation {
  gateway!: StartedGateway;
  readonly nodes: Record<string, StartedNode> = {};

  constructor(private readonly options: { nodeArgs?: string[]; gatewayArgs?: string[] } = {}) {}

  async start(ids: string[]) {
    this.gateway = await startGateway({ args: this.options.gatewayArgs ?? ["--offline-after", "1500", "--member-timeout", "2000"] });
    await Promise.all(ids.map((id) => this.startNode(id)));
    await waitForOnline(this.gateway, Object.keys(this.nodes));
    return this;
  }

  async startNode(id: string, dataDir = this.nodes[id]?.dataDir) {
    const node = await startNode({ id, dataDir, args: ["--gateway", this.gateway.url, "--heartbeat-ms", "300", ...(this.options.nodeArgs ?? [])] });
    this.nodes[id] = node;
    return node;
  }

  async waitOnline(ids = Object.keys(this.nodes)) {
    await waitForOnline(this.gateway, ids);
  }

  async stop() {
    await Promise.all(Object.values(this.nodes).map((n) => n.stop()));
    await this.gateway?.stop();
  }

  /** Company-wide onHand + inTransit of a sku, asked of the gateway. */
  async conservedTotal(sku: string) {
    const { stock } = await this.gateway.client.request<any>(gql`query ($sku: ID!) { stock(sku: $sku) { onHand inTransit unavailableWarehouses } }`, { sku });
    return stock as { onHand: number; inTransit: number; unavailableWarehouses: string[] };
  }
}

/** A fetch that presents server `id`'s certificate, as that server's peers see it. */
export function serverFetch(id: string) {
  const dir = certsDir();
  return createTlsFetch({
    ca: fs.readFileSync(path.join(dir, "ca.crt"), "utf8"),
    cert: fs.readFileSync(path.join(dir, "servers", `${id}.crt`), "utf8"),
    key: fs.readFileSync(path.join(dir, "servers", `${id}.key`), "utf8"),
  });
}
