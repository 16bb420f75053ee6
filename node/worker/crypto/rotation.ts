import type { Logger } from "../../../lib/log.ts";
import { describeError } from "../../../lib/log.ts";
import type { JobResult } from "../../../schema/jobs.ts";
import type { QueuedJob } from "../drain.ts";
import type { Keyring } from "./keyring.ts";

type Step = JobResult<"reencryptData">;
const RETRY_MS = 5_000;

/**
 * Keeps every stored value under the current data key with no operator step: after start-up and
 * whenever the keyring changes, it queues `reencryptData` steps like any other job (so they share
 * batches with live traffic instead of holding one long transaction) until a pass finds nothing left.
 */
export class KeyRotation {
  private pass = 0;
  private seenVersion: number;

  constructor(
    private readonly deps: {
      keyring: Keyring;
      push: (job: QueuedJob) => void;
      /** Run after a pass that rewrote values: scrubs old page images (WAL) off the disk. */
      afterRewrite: () => void;
      log: Logger;
    },
  ) {
    this.seenVersion = deps.keyring.version;
  }

  /** Drain's beforeBatch hook: a stat of the keyring file; a change (or a reload done elsewhere) starts a pass. */
  checkKeys(): void {
    try {
      if (this.deps.keyring.refresh()) this.deps.log.info("data keys reloaded", { current: this.deps.keyring.current });
    } catch (error) {
      this.deps.log.error("data keys file unusable; keeping the keys already loaded", describeError(error));
    }
    if (this.deps.keyring.version !== this.seenVersion) this.start();
  }

  /** Starts a pass from the first table; a pass still running is abandoned (its key is no longer current). */
  start(): void {
    this.seenVersion = this.deps.keyring.version;
    const pass = ++this.pass;
    this.step(pass, { table: null, after: null }, { rewritten: 0, plaintext: 0, unreadable: 0 });
  }

  private step(pass: number, from: { table: string | null; after: string | null }, totals: Omit<Step, "kid" | "next">): void {
    this.deps.push({
      name: "reencryptData",
      args: { ...from },
      deadline: Number.MAX_SAFE_INTEGER,
      reply: (outcome) => {
        if (pass !== this.pass) return;
        if (!outcome.ok) {
          this.deps.log.error("re-encryption step failed; retrying", { ...outcome.error, inMs: RETRY_MS });
          setTimeout(() => pass === this.pass && this.step(pass, from, totals), RETRY_MS).unref();
          return;
        }
        const result = outcome.result as Step;
        const sum = {
          rewritten: totals.rewritten + result.rewritten,
          plaintext: totals.plaintext + result.plaintext,
          unreadable: totals.unreadable + result.unreadable,
        };
        if (result.next) return this.step(pass, result.next, sum);
        // Operators read this line to know when an old key can be removed (SECURITY.md).
        this.deps.log.info("data re-encrypted", { kid: result.kid, ...sum });
        if (sum.unreadable) this.deps.log.error("stored values no data key can open", { count: sum.unreadable });
        if (sum.rewritten) this.deps.afterRewrite();
      },
    });
  }
}
