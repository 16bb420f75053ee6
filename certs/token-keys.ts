import fs from "node:fs";
import path from "node:path";
import { exportPKCS8, exportSPKI, generateKeyPair } from "jose";

/**
 * The key pair that signs people's tokens (ES256). Only the issuer (`npm run token`, the demo)
 * reads the private key; every server verifies with the public one.
 */
export function tokenKeyPaths(dir: string) {
  return {
    privateKey: path.join(dir, "token-signing.key"),
    publicKey: path.join(dir, "token-signing.pub"),
    revoked: path.join(dir, "revoked-tokens.txt"),
  };
}

export async function ensureTokenKeys(dir: string): Promise<{ privateKey: string; publicKey: string }> {
  const paths = tokenKeyPaths(dir);
  if (!fs.existsSync(paths.privateKey) || !fs.existsSync(paths.publicKey)) {
    const pair = await generateKeyPair("ES256", { extractable: true });
    fs.mkdirSync(dir, { recursive: true });
    const tmp = `${paths.privateKey}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, await exportPKCS8(pair.privateKey), { mode: 0o600 });
    fs.renameSync(tmp, paths.privateKey);
    fs.writeFileSync(paths.publicKey, await exportSPKI(pair.publicKey), { mode: 0o644 });
  }
  return { privateKey: fs.readFileSync(paths.privateKey, "utf8"), publicKey: fs.readFileSync(paths.publicKey, "utf8") };
}

/** Servers only need the public key; a server started before any token exists makes the pair. */
export async function tokenPublicKey(dir: string): Promise<string> {
  const paths = tokenKeyPaths(dir);
  if (fs.existsSync(paths.publicKey)) return fs.readFileSync(paths.publicKey, "utf8");
  return (await ensureTokenKeys(dir)).publicKey;
}
