import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * `data-keys.json` in the certs folder: the data keys of the nodes that use that folder.
 * `current` encrypts new values; every key listed can still decrypt values written under it.
 * Never stored in the database; mode 0600.
 */
export interface KeyringFile {
  current: string;
  /** kid → base64 of 32 random bytes (AES-256). */
  keys: Record<string, string>;
}

export const KEYRING_FILE_NAME = "data-keys.json";
const KID = /^[A-Za-z0-9_-]{1,40}$/;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

export class KeyringError extends Error {
  name = "KeyringError";
}

/** A 32-byte key from base64 (or base64url); anything else is refused rather than padded or cut. */
export function parseKey(text: unknown, where: string): Buffer {
  const key = typeof text === "string" && BASE64.test(text.trim()) ? Buffer.from(text.trim(), "base64") : null;
  if (!key || key.length !== 32) throw new KeyringError(`${where} must be base64 of exactly 32 bytes`);
  return key;
}

export function checkKid(kid: unknown, where: string): string {
  if (typeof kid !== "string" || !KID.test(kid)) throw new KeyringError(`${where}: key id must be 1-40 letters, digits, _ or -`);
  return kid;
}

/** Sortable and unique enough for keys made by hand a few times a year: k20261204T103000-3f9a. */
export function newKid(now = new Date()): string {
  return `k${now.toISOString().replace(/[-:]/g, "").slice(0, 15)}-${randomBytes(2).toString("hex")}`;
}

export function newKey(): string {
  return randomBytes(32).toString("base64");
}

export function readKeyringFile(file: string): KeyringFile {
  let data: Partial<KeyringFile>;
  try {
    data = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new KeyringError(`${file} is not readable JSON: ${(error as Error).message}`);
  }
  if (!data || typeof data.keys !== "object" || data.keys === null) throw new KeyringError(`${file} has no "keys" object`);
  for (const [kid, key] of Object.entries(data.keys)) parseKey(key, `${file} key ${checkKid(kid, file)}`);
  const current = checkKid(data.current, `${file} "current"`);
  if (!(current in data.keys)) throw new KeyringError(`${file}: current key ${current} is not among its keys`);
  return { current, keys: { ...data.keys } };
}

/** Replaces the file atomically (a reader sees the old or the new file, never half of one). */
export function writeKeyringFile(file: string, data: KeyringFile): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(data, null, 2) + "\n", { mode: 0o600 });
  fs.renameSync(tmp, file);
}

/**
 * Makes the file with one fresh key unless it exists. Several nodes sharing a certs folder may start
 * at once: link() fails if another got there first, so no one overwrites a key already in use.
 */
export function createKeyringFileOnce(file: string): void {
  if (fs.existsSync(file)) return;
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const kid = newKid();
  const tmp = `${file}.${process.pid}.new`;
  fs.writeFileSync(tmp, JSON.stringify({ current: kid, keys: { [kid]: newKey() } } satisfies KeyringFile, null, 2) + "\n", { mode: 0o600 });
  try {
    fs.linkSync(tmp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}
