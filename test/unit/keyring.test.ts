import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FieldCipher } from "../../node/worker/crypto/field-cipher.ts";
import { ENV_KID, Keyring } from "../../node/worker/crypto/keyring.ts";
import { createKeyringFileOnce, newKey, readKeyringFile, writeKeyringFile } from "../../node/worker/crypto/keyring-file.ts";

let tmp: string;
let file: string;

beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "wms-keyring-"));
  file = path.join(tmp, "certs", "data-keys.json");
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("Keyring", () => {
  it("creates the file with one 32-byte key, mode 0600, on first use, and keeps it afterwards", () => {
    const keyring = Keyring.open({ file });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const data = readKeyringFile(file);
    expect(Object.keys(data.keys)).toEqual([data.current]);
    expect(Buffer.from(data.keys[data.current]!, "base64")).toHaveLength(32);
    expect(keyring.current).toBe(data.current);
    expect(Keyring.open({ file }).current).toBe(data.current);
  });

  it("never overwrites a keyring another process created first", () => {
    createKeyringFileOnce(file);
    const first = fs.readFileSync(file, "utf8");
    createKeyringFileOnce(file);
    expect(fs.readFileSync(file, "utf8")).toBe(first);
    expect(fs.readdirSync(path.dirname(file))).toEqual(["data-keys.json"]);
  });

  it("lets WMS_DATA_KEY override the file's current key, keeping the file's keys for reading", () => {
    const fileKeys = Keyring.open({ file });
    const old = new FieldCipher(fileKeys).seal("old value", "a")!;
    const envKey = randomBytes(32).toString("base64");
    const keyring = Keyring.open({ file, envKey });
    expect(keyring.current).toBe(ENV_KID);
    expect(keyring.currentKey.equals(Buffer.from(envKey, "base64"))).toBe(true);
    const cipher = new FieldCipher(keyring);
    expect(cipher.seal("new", "a")!.startsWith("enc:v1:env:")).toBe(true);
    expect(cipher.open(old, "a")).toBe("old value");
  });

  it("with WMS_DATA_KEY and no file, creates no file", () => {
    const keyring = Keyring.open({ file, envKey: randomBytes(32).toString("base64") });
    expect(keyring.current).toBe(ENV_KID);
    expect(fs.existsSync(file)).toBe(false);
  });

  it("refuses keys that are not 32 bytes of base64, and malformed files", () => {
    expect(() => Keyring.open({ file, envKey: randomBytes(16).toString("base64") })).toThrow(/32 bytes/);
    expect(() => Keyring.open({ file, envKey: "not base64 at all!" })).toThrow(/32 bytes/);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, "{ nope");
    expect(() => Keyring.open({ file })).toThrow(/JSON/);
    writeKeyringFile(file, { current: "k2", keys: { k1: newKey() } });
    expect(() => Keyring.open({ file })).toThrow(/not among its keys/);
    writeKeyringFile(file, { current: "k1", keys: { k1: "c2hvcnQ=" } });
    expect(() => Keyring.open({ file })).toThrow(/32 bytes/);
  });

  it("reloads when the file changes, and keeps its keys when the new file is broken", () => {
    const keyring = Keyring.open({ file });
    const first = keyring.current;
    expect(keyring.refresh()).toBe(false);
    const data = readKeyringFile(file);
    writeKeyringFile(file, { current: "k-next", keys: { ...data.keys, "k-next": newKey() } });
    expect(keyring.refresh()).toBe(true);
    expect(keyring.current).toBe("k-next");
    expect(keyring.key(first)).toBeDefined();

    const version = keyring.version;
    fs.writeFileSync(file, "{ broken");
    expect(() => keyring.refresh()).toThrow(/JSON/);
    expect(keyring.current).toBe("k-next");
    expect(keyring.version).toBe(version);
    expect(keyring.refresh()).toBe(false);
  });
});
