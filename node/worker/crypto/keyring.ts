import fs from "node:fs";
import { createKeyringFileOnce, KeyringError, parseKey, readKeyringFile } from "./keyring-file.ts";

/** The key id of a key given in `WMS_DATA_KEY`. */
export const ENV_KID = "env";

export interface KeyringSource {
  /** `<certs>/data-keys.json`; made with one fresh key on first use unless `envKey` is given. */
  file: string;
  /** Base64 of 32 bytes (`WMS_DATA_KEY`): becomes the current key, overriding the file's `current`. */
  envKey?: string;
}

/**
 * The data keys a worker holds in memory. The file is re-read when it changes (`refresh`, a stat per
 * call), so `npm run rotate-key` reaches a running worker without a restart.
 */
export class Keyring {
  current = "";
  /** Grows on every (re)load, so a watcher can tell that keys changed whoever triggered the reload. */
  version = 0;
  private keys = new Map<string, Buffer>();
  private stamp = "";

  private constructor(private readonly source: KeyringSource) {}

  static open(source: KeyringSource): Keyring {
    const envKey = source.envKey ? parseKey(source.envKey, "WMS_DATA_KEY") : null;
    if (!envKey) createKeyringFileOnce(source.file);
    const keyring = new Keyring(source);
    keyring.load(envKey);
    return keyring;
  }

  key(kid: string): Buffer | undefined {
    return this.keys.get(kid);
  }

  get currentKey(): Buffer {
    return this.keys.get(this.current)!;
  }

  /**
   * Reloads when the file changed since the last load. A broken file keeps the keys already loaded
   * (and throws once, to be logged); it is tried again when it changes next.
   */
  refresh(): boolean {
    if (stampOf(this.source.file) === this.stamp) return false;
    this.load(this.source.envKey ? parseKey(this.source.envKey, "WMS_DATA_KEY") : null);
    return true;
  }

  private load(envKey: Buffer | null): void {
    const stamp = stampOf(this.source.file);
    this.stamp = stamp;
    const keys = new Map<string, Buffer>();
    let current = "";
    // With an env key the file is optional: its keys only read values written before the switch.
    if (stamp !== "missing") {
      const file = readKeyringFile(this.source.file);
      for (const [kid, key] of Object.entries(file.keys)) keys.set(kid, parseKey(key, kid));
      current = file.current;
    }
    if (envKey) {
      keys.set(ENV_KID, envKey);
      current = ENV_KID;
    }
    if (!current) throw new KeyringError(`no data key: ${this.source.file} is missing and WMS_DATA_KEY is not set`);
    this.keys = keys;
    this.current = current;
    this.version++;
  }
}

/** Identity of the file's content without reading it: inode (rename), mtime and size. */
function stampOf(file: string): string {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  return stat ? `${stat.ino}:${stat.mtimeMs}:${stat.size}` : "missing";
}
