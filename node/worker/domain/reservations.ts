import { badInput, conflict, notFound } from "../../../lib/errors.ts";
import type { Tx } from "../db.ts";
import type { Reservation } from "../generated/prisma/client.ts";

/** The reservation a release or fulfilment acts on; only ACTIVE ones can change. */
export async function activeReservation(tx: Tx, id: unknown): Promise<Reservation> {
  if (typeof id !== "string" || !id.trim()) throw badInput("id must not be empty", { field: "id" });
  const reservation = await tx.reservation.findUnique({ where: { id: id.trim() } });
  if (!reservation) throw notFound(`No reservation with id ${id.slice(0, 80)}`, { id });
  if (reservation.status !== "ACTIVE")
    throw conflict(`Reservation ${reservation.id} is ${reservation.status}, not ACTIVE`, { id: reservation.id, status: reservation.status });
  return reservation;
}
