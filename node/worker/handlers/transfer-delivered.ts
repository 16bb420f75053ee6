import { conflict } from "../../../lib/errors.ts";
import { transferDto } from "../domain/dto.ts";
import { outgoingTransfer } from "../domain/transfers.ts";
import { checkDate } from "../domain/validate.ts";
import type { Handler } from "./types.ts";

/** The destination applied the transfer: RECEIVED, once; a repeat acknowledgement changes nothing. */
export const transferDelivered: Handler<"transferDelivered"> = async (tx, args, ctx) => {
  const transfer = await outgoingTransfer(tx, args.id);
  if (transfer.status === "RECEIVED") return transferDto(transfer);
  if (transfer.status !== "PENDING" && transfer.status !== "IN_TRANSIT")
    // The destination promised to refuse this id before the units came back: it cannot have applied it.
    throw conflict(`Transfer ${transfer.id} is ${transfer.status} here but the destination reports it received`, { id: transfer.id });
  const row = await tx.transfer.update({
    where: { id: transfer.id },
    data: {
      status: "RECEIVED",
      attempts: transfer.attempts + 1,
      lastError: null,
      nextAttemptAt: null,
      // The destination's time of receipt, so both sides name the same instant (see the gateway's inTransit).
      receivedAt: checkDate(args.receivedAt, "receivedAt") ?? ctx.now,
    },
  });
  return transferDto(row);
};
