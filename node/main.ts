// `npm run node -- --id madrid --port 4001`: one warehouse node (HTTPS GraphQL + its db worker).
import type { AddressInfo } from "node:net";
import { ensureServerCert } from "../certs/generate.ts";
import { tokenKeyPaths, tokenPublicKey } from "../certs/token-keys.ts";
import { RevocationList } from "../lib/auth/revocations.ts";
import { createLogger, describeError } from "../lib/log.ts";
import { createTlsFetch } from "../lib/tls.ts";
import { loadNodeConfig } from "./config.ts";
import { QueueClient } from "./queue/client.ts";
import { workerEndpoint } from "./queue/protocol.ts";
import path from "node:path";
import { schemaHash, startHeartbeats } from "./membership.ts";
import { PeerDirectory } from "./peers/directory.ts";
import { TransferDispatcher } from "./transfers/dispatcher.ts";
import { createTransferService } from "./transfers/service.ts";
import { createNodeServer } from "./server.ts";
import { WorkerSupervisor } from "./worker-supervisor.ts";

const config = loadNodeConfig();
const log = createLogger({ component: "node", node: config.id });
const tls = await ensureServerCert(config.certsDir, config.id);

const endpoint = workerEndpoint(config.dataDir);
const queue = new QueueClient({ endpoint, timeoutMs: config.dbTimeoutMs });
const supervisor = new WorkerSupervisor(
  { nodeId: config.id, dataDir: config.dataDir, endpoint, certsDir: config.certsDir, maxBatch: config.dbBatch, dev: config.dev },
  queue,
  log,
);
supervisor.start();

// Servers present their own certificate to each other: gateways and peers know us by it.
const serverFetch = createTlsFetch({ ca: tls.ca, cert: tls.cert, key: tls.key });
const call = queue.call.bind(queue) as typeof queue.call;
const directory = new PeerDirectory({
  selfId: config.id,
  staticPeers: config.peers,
  gateways: config.gateways,
  fetch: serverFetch,
  file: path.join(config.dataDir, "peers.json"),
  log,
});
const dispatcher = new TransferDispatcher({ call, directory, fetch: serverFetch, log, maxRetryMs: config.transferRetryMaxMs });
directory.start();
dispatcher.start();

const { server } = createNodeServer({
  node: { id: config.id, name: config.name },
  dev: config.dev,
  tls,
  call,
  auth: { publicKeyPem: await tokenPublicKey(config.certsDir), revocations: new RevocationList(tokenKeyPaths(config.certsDir).revoked) },
  rateLimit: config.rateLimit,
  transfers: createTransferService({ selfId: config.id, call, directory, dispatcher, fetch: serverFetch, peerTimeoutMs: 2000 }),
  dbUp: async () => supervisor.ready && (await queue.call("ping", {}, { timeoutMs: 1000 }).then(() => true, () => false)),
});

let stopHeartbeats = () => {};
server.listen(config.port, config.host, () => {
  const { port } = server.address() as AddressInfo;
  const url = config.publicUrl ?? `https://localhost:${port}`;
  log.info("node listening", { port, url, dev: config.dev, data: config.dataDir });
  if (config.gateways.length)
    stopHeartbeats = startHeartbeats({
      gateways: config.gateways,
      beat: { id: config.id, name: config.name, url, schemaHash: schemaHash() },
      fetch: serverFetch,
      intervalMs: config.heartbeatMs,
      log,
    });
});
server.on("error", (error) => {
  log.error("cannot listen", describeError(error));
  process.exit(1);
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info("stopping", { signal });
  stopHeartbeats();
  dispatcher.stop();
  directory.stop();
  server.close();
  server.closeAllConnections();
  await supervisor.stop();
  queue.close();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
