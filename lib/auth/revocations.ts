import fs from "node:fs";

/**
 * Revoked token ids, one per line in a file every server reads (`npm run token -- --revoke ID`
 * appends). Re-read at most once a second when the file changes, so a revocation takes effect
 * without restarting anything.
 */
export class RevocationList {
  private ids = new Set<string>();
  private mtimeMs = -1;
  private checkedAt = 0;

  constructor(private readonly file: string) {}

  has(tokenId: string): boolean {
    const now = Date.now();
    if (now - this.checkedAt > 1000) {
      this.checkedAt = now;
      const stat = fs.statSync(this.file, { throwIfNoEntry: false });
      const mtimeMs = stat?.mtimeMs ?? 0;
      if (mtimeMs !== this.mtimeMs) {
        this.mtimeMs = mtimeMs;
        this.ids = stat ? new Set(fs.readFileSync(this.file, "utf8").split("\n").map((l) => l.trim()).filter(Boolean)) : new Set();
      }
    }
    return this.ids.has(tokenId);
  }
}
