import type { Logger } from "../../lib/log.ts";
import { describeError } from "../../lib/log.ts";
import type { TransferOffer } from "../../schema/jobs.ts";
import type { PeerDirectory } from "../peers/directory.ts";
import { peerRequest, PeerUnreachable } from "../peers/peer-request.ts";
import type { JobCaller } from "../resolvers/context.ts";

export interface DispatcherOptions {
  call: JobCaller;
  directory: PeerDirectory;
  /** mTLS fetch: the destination knows us by our certificate. */
  fetch: typeof fetch;
  log: Logger;
  /** Cap of the exponential back-off between attempts. */
  maxRetryMs: number;
  pollMs?: number;
}

/**
 * Delivers the outbox (DESIGN.md rule 4): every outgoing transfer is offered to its destination
 * until it answers. Acknowledged → RECEIVED; refused for good → the units come back (FAILED, or
 * CANCELLED when the source cancelled it meanwhile); anything else → retried with capped
 * exponential back-off, for as long as it takes. State lives in the database, so a restart resumes.
 */
export class TransferDispatcher {
  private readonly inFlight = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private ticking = false;

  constructor(private readonly options: DispatcherOptions) {}

  start(): void {
    this.timer = setInterval(() => this.kick(), this.options.pollMs ?? 500);
    this.kick();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Looks at the outbox now (after a new transfer) instead of at the next poll. */
  kick(): void {
    if (this.ticking) return;
    this.ticking = true;
    void this.tick().finally(() => (this.ticking = false));
  }

  private async tick(): Promise<void> {
    let due;
    try {
      due = await this.options.call("dueTransfers", { limit: 16, exclude: [...this.inFlight] });
    } catch {
      return; // the worker is restarting: the next poll tries again
    }
    for (const { offer, attempts } of due) {
      this.inFlight.add(offer.id);
      void this.deliver(offer, attempts).finally(() => this.inFlight.delete(offer.id));
    }
  }

  private async deliver(offer: TransferOffer, attempts: number): Promise<void> {
    const { call, log } = this.options;
    try {
      const peer = await this.options.directory.resolve(offer.to);
      if (!peer) return void (await this.retryLater(offer, attempts, `warehouse ${offer.to} is not known yet`));
      const answer = await peerRequest<{ transfer?: { receivedAt?: string | null }; error?: { code?: string; reason?: string; message?: string } }>(this.options.fetch, `${peer.url}/api/transfers`, {
        method: "POST",
        body: offer,
      });
      if (answer.status === 200) {
        await call("transferDelivered", { id: offer.id, receivedAt: answer.body.transfer?.receivedAt ?? null });
        log.info("transfer delivered", { transferId: offer.id, to: offer.to, sku: offer.sku, quantity: offer.quantity });
      } else if (answer.status === 409 && answer.body.error?.reason === "CANCELLED") {
        await call("transferReturned", { id: offer.id, status: "CANCELLED", reason: "cancelled", actor: "system" });
      } else if (answer.status === 400 || answer.status === 404 || answer.status === 409) {
        const reason = `${offer.to} refused it: ${answer.body.error?.message ?? `HTTP ${answer.status}`}`;
        await call("transferReturned", { id: offer.id, status: "FAILED", reason, actor: "system" });
        log.warn("transfer refused by its destination; units returned", { transferId: offer.id, to: offer.to, reason });
      } else {
        // 401/403 mean a certificate problem an operator can fix: keep the units on their way.
        await this.retryLater(offer, attempts, `${offer.to} answered HTTP ${answer.status}`);
      }
    } catch (error) {
      if (error instanceof PeerUnreachable) {
        // It may have restarted elsewhere: ask the gateways where it is now before the next attempt.
        void this.options.directory.refresh();
        await this.retryLater(offer, attempts, error.message).catch(() => {});
      }
      else log.warn("transfer delivery interrupted; will retry", { transferId: offer.id, ...describeError(error) });
    }
  }

  private async retryLater(offer: TransferOffer, attempts: number, error: string): Promise<void> {
    const base = Math.min(this.options.maxRetryMs, 250 * 2 ** Math.min(attempts, 20));
    const retryInMs = Math.round(base * (0.75 + Math.random() * 0.5));
    await this.options.call("transferAttemptFailed", { id: offer.id, error, retryInMs });
  }
}
