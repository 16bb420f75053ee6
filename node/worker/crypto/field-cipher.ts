import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import type { Keyring } from "./keyring.ts";

/** Stored values look like `enc:v1:<kid>:<iv>:<tag>:<ciphertext>` (base64url parts); others are legacy plaintext. */
export const SEALED_PREFIX = "enc:v1:";
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A stored value that cannot be opened: unknown key id, wrong key, or altered bytes. */
export class FieldDecryptError extends Error {
  name = "FieldDecryptError";
}

/**
 * AES-256-GCM for single text columns. A fresh random 96-bit IV per value; `aad` binds the value to
 * where it is stored, so ciphertext copied into another column or row scope fails to open.
 */
export class FieldCipher {
  constructor(private readonly keyring: Keyring) {}

  get currentKid(): string {
    return this.keyring.current;
  }

  /** What every value sealed under the current key starts with. */
  get currentPrefix(): string {
    return `${SEALED_PREFIX}${this.keyring.current}:`;
  }

  seal(plain: string | null | undefined, aad: string): string | null {
    if (plain === null || plain === undefined) return null;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv("aes-256-gcm", this.keyring.currentKey, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(aad, "utf8"));
    const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
    const parts = [iv, cipher.getAuthTag(), body].map((b) => b.toString("base64url"));
    return `${this.currentPrefix}${parts.join(":")}`;
  }

  open(stored: string | null | undefined, aad: string): string | null {
    if (stored === null || stored === undefined) return null;
    if (!stored.startsWith(SEALED_PREFIX)) return stored;
    const parts = stored.slice(SEALED_PREFIX.length).split(":");
    if (parts.length !== 4) throw new FieldDecryptError("stored value is not in the enc:v1 format");
    const [kid, ivText, tagText, bodyText] = parts as [string, string, string, string];
    const key = this.keyFor(kid);
    const iv = Buffer.from(ivText, "base64url");
    const tag = Buffer.from(tagText, "base64url");
    // A short tag would let a forger guess; GCM in node accepts shorter ones unless we refuse them.
    if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new FieldDecryptError("stored value has a malformed IV or tag");
    try {
      const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(aad, "utf8"));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(Buffer.from(bodyText, "base64url")), decipher.final()]).toString("utf8");
    } catch {
      throw new FieldDecryptError(`stored value failed authentication under data key ${kid}`);
    }
  }

  /** True when a stored value needs no rewrite: null, or sealed under the current key. */
  isCurrent(stored: string | null): boolean {
    return stored === null || stored.startsWith(this.currentPrefix);
  }

  /** An unknown kid may have just been added by `rotate-key`: look at the file once more before failing. */
  private keyFor(kid: string): Buffer {
    let key = this.keyring.key(kid);
    if (!key && this.keyring.refresh()) key = this.keyring.key(kid);
    if (!key) throw new FieldDecryptError(`stored value uses data key ${kid}, which is not in the keyring`);
    return key;
  }
}
