import { reservationDto } from "../domain/dto.ts";
import { checkSku, checkStatus } from "../domain/validate.ts";
import type { Handler } from "./types.ts";

const MAX_LISTED = 1000;

/** Newest first, at most 1000: a warehouse screen, not an export. */
export const listReservations: Handler<"listReservations"> = async (tx, args) => {
  const rows = await tx.reservation.findMany({
    where: {
      ...(args.sku != null ? { sku: checkSku(args.sku) } : {}),
      ...(args.status != null ? { status: checkStatus(args.status) } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: MAX_LISTED,
  });
  return rows.map(reservationDto);
};
