import { notFound } from "../../../lib/errors.ts";
import { openField } from "../crypto/sealed-columns.ts";
import { applyMovement } from "../domain/ledger.ts";
import { activeReservation } from "../domain/reservations.ts";
import { actorOf, type Handler } from "./types.ts";

/** The held units leave as a SALE: onHand and reserved both drop by the reservation's quantity. */
export const fulfillReservation: Handler<"fulfillReservation"> = async (tx, args) => {
  const reservation = await activeReservation(tx, args.id);
  const product = await tx.product.findUnique({ where: { sku: reservation.sku } });
  if (!product) throw notFound(`No product with sku ${reservation.sku}`);
  await tx.reservation.update({ where: { id: reservation.id }, data: { status: "FULFILLED" } });
  return applyMovement(tx, {
    product,
    kind: "SALE",
    delta: -reservation.quantity,
    reservedDelta: -reservation.quantity,
    reference: openField("Reservation.reference", reservation.sku, reservation.reference) ?? `reservation ${reservation.id}`,
    actor: actorOf(args),
  });
};
