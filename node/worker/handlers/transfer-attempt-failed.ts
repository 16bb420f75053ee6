import { transferDto } from "../domain/dto.ts";
import { outgoingTransfer } from "../domain/transfers.ts";
import type { Handler } from "./types.ts";

/** A delivery that may succeed later (destination offline, timeout): IN_TRANSIT, retried after the back-off. */
export const transferAttemptFailed: Handler<"transferAttemptFailed"> = async (tx, args, ctx) => {
  const transfer = await outgoingTransfer(tx, args.id);
  if (transfer.status !== "PENDING" && transfer.status !== "IN_TRANSIT") return transferDto(transfer);
  const row = await tx.transfer.update({
    where: { id: transfer.id },
    data: {
      status: "IN_TRANSIT",
      attempts: transfer.attempts + 1,
      lastError: args.error.slice(0, 500),
      nextAttemptAt: new Date(ctx.now.getTime() + Math.max(0, args.retryInMs)),
    },
  });
  return transferDto(row);
};
