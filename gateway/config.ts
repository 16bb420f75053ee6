import path from "node:path";
import { parseOrExit, type OptionSpec } from "../lib/options.ts";

export const gatewayOptions = {
  id: { type: "string", env: "WMS_GATEWAY_ID", default: "gateway", help: "this gateway's id (its certificate's name)", pattern: /^[a-z0-9][a-z0-9-]{0,31}$/, patternHelp: "must be 1-32 lowercase letters, digits or dashes" },
  port: { type: "int", env: "WMS_PORT", default: 4000, min: 0, max: 65535, help: "HTTPS port (0 picks a free one)" },
  host: { type: "string", env: "WMS_HOST", default: "127.0.0.1", help: "address to listen on (0.0.0.0 for all)" },
  data: { type: "string", env: "WMS_DATA", default: path.join("data", "gateway"), help: "folder where the member list is kept" },
  certs: { type: "string", env: "WMS_CERTS", default: "certs", help: "folder of the company CA and server certificates" },
  dev: { type: "boolean", env: "WMS_DEV", default: false, help: "dev mode: GraphiQL, introspection, detailed errors" },
  "member-timeout": { type: "int", env: "WMS_MEMBER_TIMEOUT_MS", default: 2000, min: 50, max: 60000, help: "deadline in ms of one warehouse's part of an answer" },
  "offline-after": { type: "int", env: "WMS_OFFLINE_AFTER_MS", default: 6000, min: 500, max: 600000, help: "a member is offline after this long without a heartbeat (ms)" },
  "rate-limit": { type: "int", env: "WMS_RATE_LIMIT", default: 100, min: 0, max: 1000000, help: "GraphQL and REST requests per second per token (0: no limit)" },
  "rate-burst": { type: "int", env: "WMS_RATE_BURST", default: 300, min: 1, max: 1000000, help: "requests a token may send at once" },
} satisfies Record<string, OptionSpec>;

export interface GatewayConfig {
  id: string;
  port: number;
  host: string;
  dataDir: string;
  certsDir: string;
  dev: boolean;
  memberTimeoutMs: number;
  offlineAfterMs: number;
  rateLimit: { perSecond: number; burst: number };
}

export function loadGatewayConfig(argv = process.argv.slice(2), env = process.env): GatewayConfig {
  const o = parseOrExit("npm run gateway --", gatewayOptions, argv, env);
  return {
    id: o.id ?? "gateway",
    port: o.port,
    host: o.host ?? "127.0.0.1",
    dataDir: path.resolve(o.data ?? path.join("data", "gateway")),
    certsDir: path.resolve(o.certs ?? "certs"),
    dev: o.dev || env.NODE_ENV === "development",
    memberTimeoutMs: o["member-timeout"],
    offlineAfterMs: o["offline-after"],
    rateLimit: { perSecond: o["rate-limit"], burst: o["rate-burst"] },
  };
}
