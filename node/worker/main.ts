// The db worker process: the only owner of this node's SQLite database (DESIGN.md rule 1).
// Started and restarted by the node (node/worker-supervisor.ts); configured through WMS_WORKER_CONFIG.
import fs from "node:fs";
import path from "node:path";
import { Router } from "zeromq";
import { createLogger, describeError } from "../../lib/log.ts";
import { decode, encode, type JobReply, type JobRequest } from "../queue/protocol.ts";
import { FieldCipher } from "./crypto/field-cipher.ts";
import { Keyring } from "./crypto/keyring.ts";
import { KEYRING_FILE_NAME } from "./crypto/keyring-file.ts";
import { KeyRotation } from "./crypto/rotation.ts";
import { installFieldCipher } from "./crypto/sealed-columns.ts";
import { openDatabase } from "./db.ts";
import { Drain } from "./drain.ts";
import { migrate } from "./migrate.ts";

export interface WorkerConfig {
  nodeId: string;
  dataDir: string;
  endpoint: string;
  /** The node's --certs folder: holds `data-keys.json`, the keys of the encrypted columns. */
  certsDir: string;
  maxBatch: number;
  dev: boolean;
}

const config = JSON.parse(process.env.WMS_WORKER_CONFIG ?? "null") as WorkerConfig | null;
if (!config) {
  process.stderr.write("the db worker is started by the node (npm run node), not by hand\n");
  process.exit(2);
}
const log = createLogger({ component: "db-worker", node: config.nodeId, pid: process.pid });

// Never outlive the node: an orphaned worker would hold the database and the socket.
process.on("disconnect", () => process.exit(0));

const file = path.join(config.dataDir, "warehouse.db");
const { applied, warnings } = migrate(file);
if (applied.length) log.info("migrations applied", { applied });
for (const warning of warnings) log.warn(warning);

// WMS_DATA_KEY is inherited from the node's environment and read here only: the worker alone uses it.
let keyring: Keyring;
try {
  keyring = Keyring.open({ file: path.join(config.certsDir, KEYRING_FILE_NAME), envKey: process.env.WMS_DATA_KEY });
} catch (error) {
  log.error("data keys unusable; the worker cannot start", describeError(error));
  process.exit(2);
}
installFieldCipher(new FieldCipher(keyring));
const keysMode = fs.statSync(path.join(config.certsDir, KEYRING_FILE_NAME), { throwIfNoEntry: false })?.mode ?? 0;
if (keysMode & 0o077) log.warn("data-keys.json is open to group or others; chmod 600 it", { mode: (keysMode & 0o777).toString(8) });

const db = await openDatabase(file);
const rotation: KeyRotation = new KeyRotation({
  keyring,
  push: (job) => drain.push(job),
  // Old page images (other keys, or plaintext from before encryption) linger in the WAL until it is reset.
  afterRewrite: () => drain.between(async () => void (await db.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)"))),
  log,
});
const drain = new Drain(db, {
  nodeId: config.nodeId,
  maxBatch: config.maxBatch,
  dev: config.dev,
  log,
  beforeBatch: () => rotation.checkKeys(),
});
rotation.start();
const router = new Router({ linger: 0, sendHighWaterMark: 10_000, receiveHighWaterMark: 10_000 });
await router.bind(config.endpoint);

// One pending send per socket: replies leave through a single ordered chain.
let sending: Promise<void> = Promise.resolve();
const send = (frames: Buffer[]) => {
  sending = sending.then(() => router.send(frames)).catch((error) => log.error("reply not sent", describeError(error)));
};

// Asked to stop (the node is stopping): take no new jobs, let the batch under way commit and
// answer, then leave. The node kills us after a few seconds if this hangs.
process.on("SIGTERM", () => {
  router.close();
  void drain
    .idle()
    .then(() => sending)
    .then(() => db.$disconnect())
    .finally(() => process.exit(0));
});

process.send?.({ type: "ready", pid: process.pid });
log.info("db worker ready", { file, dataKey: keyring.current });

for await (const [identity, requestId, payload] of router) {
  let request: JobRequest;
  try {
    request = decode<JobRequest>(payload);
  } catch {
    send([identity, requestId, encode({ ok: false, error: { code: "BAD_USER_INPUT", message: "Malformed job" } } satisfies JobReply)]);
    continue;
  }
  drain.push({
    name: request.name,
    args: (request.args ?? {}) as Record<string, unknown>,
    deadline: request.deadline,
    reply: (outcome) => send([identity, requestId, encode(outcome)]),
  });
}
