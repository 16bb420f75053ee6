import { reservationDto } from "../domain/dto.ts";
import { activeReservation } from "../domain/reservations.ts";
import type { Handler } from "./types.ts";

export const releaseReservation: Handler<"releaseReservation"> = async (tx, args) => {
  const reservation = await activeReservation(tx, args.id);
  await tx.product.update({ where: { sku: reservation.sku }, data: { reserved: { decrement: reservation.quantity } } });
  return reservationDto(await tx.reservation.update({ where: { id: reservation.id }, data: { status: "RELEASED" } }));
};
