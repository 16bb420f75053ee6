// `npm run rotate-key [-- --certs DIR] [--from-env]`: adds a new data key to <certs>/data-keys.json and makes it current.
// Nodes using that folder pick it up on their next worker batch (or when they start) and re-encrypt
// what they hold by themselves; older keys stay in the file until an operator removes them (SECURITY.md).
import fs from "node:fs";
import path from "node:path";
import { parseOrExit } from "../lib/options.ts";
import { ENV_KID } from "../node/worker/crypto/keyring.ts";
import {
  KEYRING_FILE_NAME, KeyringError, newKey, newKid, parseKey, readKeyringFile, writeKeyringFile, type KeyringFile,
} from "../node/worker/crypto/keyring-file.ts";

const options = parseOrExit("npm run rotate-key --", {
  certs: { type: "string", env: "WMS_CERTS", default: "certs", help: "certs folder holding data-keys.json (the nodes' --certs)" },
  "from-env": { type: "boolean", default: false, help: `copy WMS_DATA_KEY into the file as key "${ENV_KID}", so values written under it stay readable once the variable is removed` },
});
const file = path.join(path.resolve(options.certs ?? "certs"), KEYRING_FILE_NAME);
const envKey = process.env.WMS_DATA_KEY;

try {
  const keyring: KeyringFile = fs.existsSync(file) ? readKeyringFile(file) : { current: "", keys: {} };
  if (options["from-env"]) {
    if (!envKey) throw new KeyringError("--from-env needs WMS_DATA_KEY set to the key the nodes use now");
    parseKey(envKey, "WMS_DATA_KEY");
    if (keyring.keys[ENV_KID] && keyring.keys[ENV_KID] !== envKey.trim()) throw new KeyringError(`${file} already holds a different key "${ENV_KID}"`);
    keyring.keys[ENV_KID] = envKey.trim();
  }
  let kid = newKid();
  while (keyring.keys[kid]) kid = newKid();
  keyring.keys[kid] = newKey();
  const previous = keyring.current;
  keyring.current = kid;
  writeKeyringFile(file, keyring);
  process.stdout.write(`${file}: new data key ${kid} is current${previous ? ` (was ${previous})` : ""}\n`);
  process.stdout.write(`keys kept for reading older values: ${Object.keys(keyring.keys).filter((k) => k !== kid).join(", ") || "none"}\n`);
  process.stdout.write("running nodes re-encrypt on their next database batch, stopped ones when they start; each logs \"data re-encrypted\".\n");
  if (envKey && !options["from-env"])
    process.stdout.write(`note: WMS_DATA_KEY is set here; nodes started with it keep it as their current key until it is removed from their environment (see --from-env).\n`);
} catch (error) {
  if (!(error instanceof KeyringError)) throw error;
  process.stderr.write(`npm run rotate-key: ${error.message}\n`);
  process.exit(2);
}
