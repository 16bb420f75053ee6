import { badInput, conflict } from "../../../lib/errors.ts";
import { sealField } from "../crypto/sealed-columns.ts";
import { transferDto } from "../domain/dto.ts";
import { applyMovement } from "../domain/ledger.ts";
import { checkOffer, incomingTransfer } from "../domain/transfers.ts";
import type { Handler } from "./types.ts";

/**
 * The destination half of a transfer: a TRANSFER_IN exactly once per transfer id. A repeat
 * delivery answers RECEIVED again; an id this warehouse promised to refuse is refused.
 */
export const receiveTransfer: Handler<"receiveTransfer"> = async (tx, args, ctx) => {
  const offer = checkOffer(args, ctx.nodeId);
  const seen = await incomingTransfer(tx, offer.id);
  if (seen?.status === "RECEIVED") return transferDto(seen);
  if (seen) throw conflict(`Transfer ${offer.id} was cancelled by its source`, { id: offer.id, reason: "CANCELLED" });
  let product = await tx.product.findUnique({ where: { sku: offer.sku } });
  if (product?.archived) throw conflict(`Product ${offer.sku} is archived in ${ctx.nodeId}`, { sku: offer.sku, reason: "ARCHIVED" });
  product ??= await tx.product.create({
    data: { sku: offer.sku, name: offer.name || offer.sku, description: offer.description, priceCents: offer.priceCents },
  });
  if (product.onHand + offer.quantity > 2_000_000_000) throw badInput(`Stock of ${offer.sku} would overflow`, { sku: offer.sku });
  await applyMovement(tx, {
    product,
    kind: "TRANSFER_IN",
    delta: offer.quantity,
    reference: offer.reference,
    counterparty: offer.from,
    transferId: offer.id,
    actor: `warehouse:${offer.from}`,
  });
  const row = await tx.transfer.create({
    data: {
      id: offer.id, sku: offer.sku, quantity: offer.quantity, fromId: offer.from, toId: offer.to, direction: "IN", status: "RECEIVED", receivedAt: ctx.now,
      name: product.name, description: product.description, priceCents: product.priceCents,
      reference: sealField("Transfer.reference", offer.sku, offer.reference),
    },
  });
  return transferDto(row);
};
