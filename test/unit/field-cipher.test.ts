import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FieldCipher, FieldDecryptError } from "../../node/worker/crypto/field-cipher.ts";
import { Keyring } from "../../node/worker/crypto/keyring.ts";
import { newKey, readKeyringFile, writeKeyringFile } from "../../node/worker/crypto/keyring-file.ts";

let tmp: string;
let file: string;
let keyring: Keyring;
let cipher: FieldCipher;

beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "wms-cipher-"));
  file = path.join(tmp, "data-keys.json");
  keyring = Keyring.open({ file });
  cipher = new FieldCipher(keyring);
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Swaps one base64url part of a sealed value for another of the same length. */
function alterPart(sealed: string, index: number): string {
  const parts = sealed.split(":");
  const bytes = Buffer.from(parts[index]!, "base64url");
  bytes[0]! ^= 1;
  parts[index] = bytes.toString("base64url");
  return parts.join(":");
}

describe("FieldCipher", () => {
  it("round-trips text, empty text and null, under the current kid with a fresh IV each time", () => {
    for (const plain of ["Cliente ACME S.L., pedido 42", "", "ñandú 🐧 «»", "x".repeat(500)]) {
      const sealed = cipher.seal(plain, "Movement.reference|SKU-1")!;
      expect(sealed.startsWith(`enc:v1:${keyring.current}:`)).toBe(true);
      expect(sealed).not.toContain(plain || "\u0000");
      expect(cipher.open(sealed, "Movement.reference|SKU-1")).toBe(plain);
    }
    expect(cipher.seal(null, "a")).toBeNull();
    expect(cipher.seal(undefined, "a")).toBeNull();
    expect(cipher.open(null, "a")).toBeNull();
    expect(cipher.seal("same", "a")).not.toBe(cipher.seal("same", "a"));
  });

  it("reads legacy plaintext as it is", () => {
    expect(cipher.open("plain reference", "a")).toBe("plain reference");
    expect(cipher.isCurrent("plain reference")).toBe(false);
    expect(cipher.isCurrent(null)).toBe(true);
  });

  it("detects tampering with the ciphertext, the tag, the IV or the AAD", () => {
    const sealed = cipher.seal("Proveedor Norte", "Movement.counterparty|SKU-1")!;
    // parts: enc, v1, kid, iv, tag, ciphertext
    for (const index of [3, 4, 5]) expect(() => cipher.open(alterPart(sealed, index), "Movement.counterparty|SKU-1")).toThrow(FieldDecryptError);
    expect(() => cipher.open(sealed, "Movement.reference|SKU-1")).toThrow(FieldDecryptError);
    expect(() => cipher.open(sealed, "Movement.counterparty|SKU-2")).toThrow(FieldDecryptError);
    const truncatedTag = sealed.split(":");
    truncatedTag[4] = truncatedTag[4]!.slice(0, 6);
    expect(() => cipher.open(truncatedTag.join(":"), "Movement.counterparty|SKU-1")).toThrow(FieldDecryptError);
    expect(() => cipher.open("enc:v1:garbage", "x")).toThrow(FieldDecryptError);
  });

  it("refuses a value under an unknown kid, and finds a kid added to the file since", () => {
    const other = path.join(tmp, "other.json");
    const foreign = new FieldCipher(Keyring.open({ file: other }));
    const sealed = foreign.seal("secret", "a")!;
    expect(() => cipher.open(sealed, "a")).toThrow(/not in the keyring/);

    // The kid appears in our file (as rotate-key would add it): open() re-reads the file and succeeds.
    const theirs = readKeyringFile(other);
    const ours = readKeyringFile(file);
    writeKeyringFile(file, { current: ours.current, keys: { ...ours.keys, ...theirs.keys } });
    expect(cipher.open(sealed, "a")).toBe("secret");
  });

  it("a wrong key under a known kid fails authentication", () => {
    const sealed = cipher.seal("secret", "a")!;
    const data = readKeyringFile(file);
    writeKeyringFile(file, { current: data.current, keys: { [data.current]: newKey() } });
    expect(keyring.refresh()).toBe(true);
    expect(() => cipher.open(sealed, "a")).toThrow(/failed authentication/);
  });
});
