import type { Tx } from "../db.ts";

/**
 * Releases reservations whose lease ran out: status EXPIRED and the units back to `available`,
 * with no movement (onHand did not change). Run at the start of every worker transaction, so no
 * job ever sees a reservation that should have expired.
 */
export async function expireDue(tx: Tx, now: Date): Promise<number> {
  const due = await tx.reservation.findMany({ where: { status: "ACTIVE", expiresAt: { lte: now } } });
  for (const reservation of due) {
    await tx.reservation.update({ where: { id: reservation.id }, data: { status: "EXPIRED" } });
    await tx.product.update({ where: { sku: reservation.sku }, data: { reserved: { decrement: reservation.quantity } } });
  }
  return due.length;
}
