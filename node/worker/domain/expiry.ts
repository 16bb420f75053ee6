import type { Tx } from "../db.ts";

/**
 * Remembers the earliest lease end among ACTIVE reservations. The worker is the database's only
 * writer, so it can skip the look-up in the many batches before anything is due. One per drain;
 * unknown after a start or a failed batch, so the next batch asks the database.
 */
export class LeaseWatch {
  private nextDueAt: number | undefined;

  /** A reservation with a lease was written: it may end before anything known so far. */
  note(expiresAt: Date | null): void {
    if (expiresAt && this.nextDueAt !== undefined) this.nextDueAt = Math.min(this.nextDueAt, expiresAt.getTime());
  }

  /** Whether a batch at `now` may have leases to expire (unknown counts as yes). */
  mayBeDue(now: Date): boolean {
    return this.nextDueAt === undefined || now.getTime() >= this.nextDueAt;
  }

  /** The batch's transaction rolled back: what was learnt inside it may be untrue. */
  forget(): void {
    this.nextDueAt = undefined;
  }

  /**
   * Releases reservations whose lease ran out: status EXPIRED and the units back to `available`,
   * with no movement (onHand did not change). Run at the start of every worker transaction, so no
   * job ever sees a reservation that should have expired.
   */
  async expireDue(tx: Tx, now: Date): Promise<number> {
    if (!this.mayBeDue(now)) return 0;
    const due = await expireDue(tx, now);
    const next = await tx.reservation.findFirst({
      where: { status: "ACTIVE", expiresAt: { gt: now } },
      orderBy: { expiresAt: "asc" },
      select: { expiresAt: true },
    });
    this.nextDueAt = next?.expiresAt ? next.expiresAt.getTime() : Number.POSITIVE_INFINITY;
    return due;
  }
}

/** Expires every ACTIVE reservation whose lease ended by `now`. */
export async function expireDue(tx: Tx, now: Date): Promise<number> {
  const due = await tx.reservation.findMany({ where: { status: "ACTIVE", expiresAt: { lte: now } } });
  for (const reservation of due) {
    await tx.reservation.update({ where: { id: reservation.id }, data: { status: "EXPIRED" } });
    await tx.product.update({ where: { sku: reservation.sku }, data: { reserved: { decrement: reservation.quantity } } });
  }
  return due.length;
}
