// `npm run gateway -- --port 4000`: the company-wide gateway over every live warehouse node.
import path from "node:path";
import type { AddressInfo } from "node:net";
import { ensureServerCert } from "../certs/generate.ts";
import { tokenKeyPaths, tokenPublicKey } from "../certs/token-keys.ts";
import { RevocationList } from "../lib/auth/revocations.ts";
import { createLogger, describeError } from "../lib/log.ts";
import { createTlsFetch } from "../lib/tls.ts";
import { loadGatewayConfig } from "./config.ts";
import { probeKnownMembers } from "./probe-members.ts";
import { Registry } from "./registry.ts";
import { createGatewayServer } from "./server.ts";

const config = loadGatewayConfig();
const log = createLogger({ component: "gateway", gateway: config.id });
const tls = await ensureServerCert(config.certsDir, config.id);
const registry = new Registry({ offlineAfterMs: config.offlineAfterMs, file: path.join(config.dataDir, "members.json") });

const serverFetch = createTlsFetch({ ca: tls.ca, cert: tls.cert, key: tls.key });
const { server } = createGatewayServer({
  id: config.id,
  dev: config.dev,
  tls,
  registry,
  // The gateway presents its own certificate to members (mutual TLS between servers).
  fetch: serverFetch,
  memberTimeoutMs: config.memberTimeoutMs,
  log,
  auth: { publicKeyPem: await tokenPublicKey(config.certsDir), revocations: new RevocationList(tokenKeyPaths(config.certsDir).revoked) },
  rateLimit: config.rateLimit,
});

server.listen(config.port, config.host, () => {
  const { port } = server.address() as AddressInfo;
  log.info("gateway listening", { port, url: `https://localhost:${port}`, dev: config.dev, known: registry.list().map((m) => m.id) });
  void probeKnownMembers(registry, serverFetch, log);
});
server.on("error", (error) => {
  log.error("cannot listen", describeError(error));
  process.exit(1);
});

const shutdown = (signal: string) => {
  log.info("stopping", { signal });
  server.close();
  server.closeAllConnections();
  process.exit(0);
};
process.on("SIGINT", () => shutdown("SIGINT"));
process.on("SIGTERM", () => shutdown("SIGTERM"));
