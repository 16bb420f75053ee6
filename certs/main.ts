// `npm run certs -- [ids...]`: makes the company CA and a certificate for the gateway and each server id.
import path from "node:path";
import { parseOrExit } from "../lib/options.ts";
import { ensureServerCert, serverPaths, caPaths } from "./generate.ts";

const options = parseOrExit("npm run certs -- [server ids...]", {
  dir: { type: "string", env: "WMS_CERTS", default: "certs", help: "folder to write to" },
  hosts: { type: "list", default: [], help: "extra DNS names the server certificates are valid for" },
});
const ids = options.positionals.length ? options.positionals : ["gateway", "madrid", "barcelona", "valencia"];
const dir = path.resolve(options.dir ?? "certs");
for (const id of ids) {
  if (!/^[a-z0-9][a-z0-9-]{0,31}$/.test(id)) {
    process.stderr.write(`npm run certs: "${id}" is not a server id (lowercase letters, digits, dashes)\n`);
    process.exit(2);
  }
  await ensureServerCert(dir, id, options.hosts);
  process.stdout.write(`${id}: ${serverPaths(dir, id).cert}\n`);
}
process.stdout.write(`CA: ${caPaths(dir).cert} (clients trust this file)\n`);
