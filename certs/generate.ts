import fs from "node:fs";
import path from "node:path";
import { generate } from "selfsigned";

/**
 * The company's certificates: one CA (`ca.crt`, `ca.key`) and one certificate per server
 * (`servers/<id>.crt|.key`) whose common name is the server's id. Keys are written 0600 and never
 * committed (see .gitignore).
 */
export interface ServerTlsFiles {
  ca: string;
  cert: string;
  key: string;
}

const TEN_YEARS_MS = 10 * 365 * 24 * 3600 * 1000;
const TWO_YEARS_MS = 2 * 365 * 24 * 3600 * 1000;

export function caPaths(dir: string) {
  return { cert: path.join(dir, "ca.crt"), key: path.join(dir, "ca.key") };
}

export function serverPaths(dir: string, id: string) {
  return { cert: path.join(dir, "servers", `${id}.crt`), key: path.join(dir, "servers", `${id}.key`) };
}

export async function ensureCa(dir: string): Promise<{ cert: string; key: string }> {
  const paths = caPaths(dir);
  if (fs.existsSync(paths.cert) && fs.existsSync(paths.key))
    return { cert: fs.readFileSync(paths.cert, "utf8"), key: fs.readFileSync(paths.key, "utf8") };
  const now = new Date();
  const pems = await generate([{ name: "commonName", value: "Warehouse Federation CA" }, { name: "organizationName", value: "Warehouse Federation" }], {
    keyType: "ec",
    algorithm: "sha256",
    notBeforeDate: now,
    notAfterDate: new Date(now.getTime() + TEN_YEARS_MS),
    extensions: [
      { name: "basicConstraints", cA: true, critical: true },
      { name: "keyUsage", keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  writePrivate(paths.key, pems.private);
  writePublic(paths.cert, pems.cert);
  return { cert: pems.cert, key: pems.private };
}

/** Issues (once) the certificate of server `id`, valid for localhost and the given extra host names. */
export async function ensureServerCert(dir: string, id: string, hosts: string[] = []): Promise<ServerTlsFiles> {
  return withLock(dir, async () => {
    const ca = await ensureCa(dir);
    const paths = serverPaths(dir, id);
    if (!fs.existsSync(paths.cert) || !fs.existsSync(paths.key)) {
      const names = [...new Set(["localhost", ...hosts])];
      const ips = ["127.0.0.1", "::1"];
      const now = new Date(Date.now() - 60_000);
      const pems = await generate([{ name: "commonName", value: id }, { name: "organizationName", value: "Warehouse Federation" }], {
        keyType: "ec",
        algorithm: "sha256",
        notBeforeDate: now,
        notAfterDate: new Date(now.getTime() + TWO_YEARS_MS),
        ca: { cert: ca.cert, key: ca.key },
        extensions: [
          { name: "basicConstraints", cA: false },
          { name: "keyUsage", digitalSignature: true, keyEncipherment: true, critical: true },
          // Both: a server answers TLS and also presents this certificate as a client to its peers.
          { name: "extKeyUsage", serverAuth: true, clientAuth: true },
          {
            name: "subjectAltName",
            altNames: [...names.map((value) => ({ type: 2 as const, value })), ...ips.map((ip) => ({ type: 7 as const, ip }))],
          },
        ],
      });
      writePrivate(paths.key, pems.private);
      writePublic(paths.cert, pems.cert);
    }
    return {
      ca: fs.readFileSync(caPaths(dir).cert, "utf8"),
      cert: fs.readFileSync(paths.cert, "utf8"),
      key: fs.readFileSync(paths.key, "utf8"),
    };
  });
}

function writePrivate(file: string, pem: string) {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, pem, { mode: 0o600 });
  fs.renameSync(tmp, file);
}

function writePublic(file: string, pem: string) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, pem, { mode: 0o644 });
  fs.renameSync(tmp, file);
}

/** Several servers may start at once on one machine: only one of them creates the CA. */
async function withLock<T>(dir: string, body: () => Promise<T>): Promise<T> {
  fs.mkdirSync(dir, { recursive: true });
  const lock = path.join(dir, ".lock");
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 30_000) fs.rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`certificate folder ${dir} stays locked (${lock})`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  try {
    return await body();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}
