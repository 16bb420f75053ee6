import { conflict } from "../../../lib/errors.ts";
import { sealField } from "../crypto/sealed-columns.ts";
import { transferDto } from "../domain/dto.ts";
import { checkOffer, incomingTransfer } from "../domain/transfers.ts";
import type { Handler } from "./types.ts";

/**
 * The source wants to cancel: unless the transfer was already applied here, remember its id as
 * CANCELLED so a delivery still on its way is refused. Either answer is final.
 */
export const refuseTransfer: Handler<"refuseTransfer"> = async (tx, args, ctx) => {
  const offer = checkOffer(args, ctx.nodeId);
  const seen = await incomingTransfer(tx, offer.id);
  if (seen?.status === "RECEIVED")
    throw conflict(`Transfer ${offer.id} was already received`, { id: offer.id, reason: "RECEIVED", receivedAt: seen.receivedAt?.toISOString() ?? null });
  if (seen) return transferDto(seen);
  const row = await tx.transfer.create({
    data: {
      id: offer.id, sku: offer.sku, quantity: offer.quantity, fromId: offer.from, toId: offer.to, direction: "IN", status: "CANCELLED",
      name: offer.name, description: offer.description, priceCents: offer.priceCents,
      reference: sealField("Transfer.reference", offer.sku, offer.reference),
    },
  });
  return transferDto(row);
};
