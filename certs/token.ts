// `npm run token -- --role viewer [--warehouses madrid,valencia] [--ttl 8h] [--subject ana]`: prints a signed token.
// `npm run token -- --revoke <token id>`: revokes one (every server notices within a second).
import fs from "node:fs";
import path from "node:path";
import { ROLES, isRole } from "../lib/auth/roles.ts";
import { issueToken } from "../lib/auth/tokens.ts";
import { parseOrExit } from "../lib/options.ts";
import { ensureTokenKeys, tokenKeyPaths } from "./token-keys.ts";

const options = parseOrExit("npm run token --", {
  role: { type: "string", help: `one of ${ROLES.join(", ")}` },
  warehouses: { type: "list", default: [], help: "warehouses the token may act on (all when left out)" },
  ttl: { type: "string", default: "8h", help: "lifetime: 30m, 8h, 7d", pattern: /^\d+[smhd]$/, patternHelp: "must look like 30m, 8h or 7d" },
  subject: { type: "string", default: process.env.USER ?? "user", help: "who the token is for (recorded on movements)" },
  certs: { type: "string", env: "WMS_CERTS", default: "certs", help: "folder of the signing key" },
  revoke: { type: "string", help: "revoke the token with this id instead of issuing one" },
});
const dir = path.resolve(options.certs ?? "certs");

if (options.revoke) {
  fs.mkdirSync(dir, { recursive: true });
  fs.appendFileSync(tokenKeyPaths(dir).revoked, `${options.revoke}\n`);
  process.stderr.write(`revoked ${options.revoke}\n`);
  process.exit(0);
}
if (!isRole(options.role)) {
  process.stderr.write(`npm run token --: --role must be one of ${ROLES.join(", ")}\n`);
  process.exit(2);
}
const unit = { s: 1, m: 60, h: 3600, d: 86400 }[options.ttl!.slice(-1) as "s" | "m" | "h" | "d"];
const ttlSeconds = Number(options.ttl!.slice(0, -1)) * unit;
if (ttlSeconds < 1 || ttlSeconds > 366 * 86400) {
  process.stderr.write("npm run token --: --ttl must be from 1s to 366d\n");
  process.exit(2);
}
const { privateKey } = await ensureTokenKeys(dir);
const issued = await issueToken(privateKey, { subject: options.subject!, role: options.role, warehouses: options.warehouses, ttlSeconds });
process.stdout.write(`${issued.token}\n`);
process.stderr.write(`token id ${issued.tokenId}, role ${options.role}, expires ${issued.expiresAt.toISOString()}\n`);
