import path from "node:path";
import { ConfigError, parseOrExit, type OptionSpec } from "../lib/options.ts";

/** The options of a warehouse node, each also readable from the environment. */
export const nodeOptions = {
  id: { type: "string", env: "WMS_NODE_ID", help: "warehouse id (lowercase letters, digits, dashes)", pattern: /^[a-z0-9][a-z0-9-]{0,31}$/, patternHelp: "must be 1-32 lowercase letters, digits or dashes" },
  name: { type: "string", env: "WMS_NODE_NAME", help: "display name (defaults to the id)" },
  port: { type: "int", env: "WMS_PORT", default: 4001, min: 0, max: 65535, help: "HTTPS port (0 picks a free one)" },
  host: { type: "string", env: "WMS_HOST", default: "127.0.0.1", help: "address to listen on (0.0.0.0 for all)" },
  "public-url": { type: "string", env: "WMS_PUBLIC_URL", help: "URL other servers use to reach this node (default https://localhost:PORT)", pattern: /^https:\/\//, patternHelp: "must start with https://" },
  data: { type: "string", env: "WMS_DATA", help: "data folder (default data/ID)" },
  certs: { type: "string", env: "WMS_CERTS", default: "certs", help: "folder of the company CA and server certificates" },
  dev: { type: "boolean", env: "WMS_DEV", default: false, help: "dev mode: GraphiQL, introspection, detailed errors" },
  "db-timeout": { type: "int", env: "WMS_DB_TIMEOUT_MS", default: 5000, min: 100, max: 120000, help: "deadline in ms of one database call" },
  "db-batch": { type: "int", env: "WMS_DB_BATCH", default: 64, min: 1, max: 4096, help: "most queued commands one worker transaction runs" },
  gateway: { type: "list", env: "WMS_GATEWAY", default: [], help: "gateway URL(s) to register with, comma-separated" },
  "heartbeat-ms": { type: "int", env: "WMS_HEARTBEAT_MS", default: 2000, min: 100, max: 60000, help: "interval of heartbeats to the gateway(s)" },
  "transfer-retry-max": { type: "int", env: "WMS_TRANSFER_RETRY_MAX_MS", default: 60000, min: 100, max: 3600000, help: "cap in ms of the back-off between transfer delivery attempts" },
  "rate-limit": { type: "int", env: "WMS_RATE_LIMIT", default: 100, min: 0, max: 1000000, help: "GraphQL requests per second per token (0: no limit)" },
  "rate-burst": { type: "int", env: "WMS_RATE_BURST", default: 300, min: 1, max: 1000000, help: "requests a token may send at once" },
  peers: { type: "list", env: "WMS_PEERS", default: [], help: "static peers as id=https://host:port, comma-separated" },
} satisfies Record<string, OptionSpec>;

export interface NodeConfig {
  id: string;
  name: string;
  port: number;
  host: string;
  publicUrl?: string;
  dataDir: string;
  certsDir: string;
  dev: boolean;
  dbTimeoutMs: number;
  dbBatch: number;
  gateways: string[];
  heartbeatMs: number;
  transferRetryMaxMs: number;
  rateLimit: { perSecond: number; burst: number };
  peers: { id: string; url: string }[];
}

export function loadNodeConfig(argv = process.argv.slice(2), env = process.env): NodeConfig {
  const o = parseOrExit("npm run node --", nodeOptions, argv, env);
  if (!o.id) {
    process.stderr.write("npm run node --: --id is required (or WMS_NODE_ID), e.g. --id madrid\n");
    process.exit(2);
  }
  try {
    return {
      id: o.id,
      name: o.name ?? o.id.charAt(0).toUpperCase() + o.id.slice(1),
      port: o.port,
      host: o.host ?? "127.0.0.1",
      publicUrl: o["public-url"],
      dataDir: path.resolve(o.data ?? path.join("data", o.id)),
      certsDir: path.resolve(o.certs ?? "certs"),
      dev: o.dev || env.NODE_ENV === "development",
      dbTimeoutMs: o["db-timeout"],
      dbBatch: o["db-batch"],
      gateways: o.gateway.map((url) => checkHttps("--gateway", url)),
      heartbeatMs: o["heartbeat-ms"],
      transferRetryMaxMs: o["transfer-retry-max"],
      rateLimit: { perSecond: o["rate-limit"], burst: o["rate-burst"] },
      peers: o.peers.map(parsePeer),
    };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`npm run node --: ${error.message}\n`);
    process.exit(2);
  }
}

function checkHttps(flag: string, url: string): string {
  if (!/^https:\/\/[^\s/]+/.test(url)) throw new ConfigError(`${flag} must be an https:// URL, got "${url}"`);
  return url.replace(/\/+$/, "");
}

function parsePeer(entry: string): { id: string; url: string } {
  const [id, url] = entry.split("=");
  if (!id || !url) throw new ConfigError(`--peers entries look like madrid=https://host:4001, got "${entry}"`);
  return { id, url: checkHttps("--peers", url) };
}
