import { conflict, notFound } from "../../../lib/errors.ts";
import { transferDto } from "../domain/dto.ts";
import { applyMovement } from "../domain/ledger.ts";
import { outgoingTransfer } from "../domain/transfers.ts";
import { actorOf, type Handler } from "./types.ts";

/**
 * The units of a cancelled or refused transfer come back: a compensating TRANSFER_IN here, once.
 * Only called when the destination has promised never to apply the transfer (or rejected it).
 */
export const transferReturned: Handler<"transferReturned"> = async (tx, args) => {
  const transfer = await outgoingTransfer(tx, args.id);
  if (transfer.status === "CANCELLED" || transfer.status === "FAILED") return transferDto(transfer);
  if (transfer.status === "RECEIVED") throw conflict(`Transfer ${transfer.id} was already received by ${transfer.toId}`, { id: transfer.id, status: "RECEIVED" });
  const product = await tx.product.findUnique({ where: { sku: transfer.sku } });
  if (!product) throw notFound(`No product with sku ${transfer.sku}`);
  await applyMovement(tx, {
    product,
    kind: "TRANSFER_IN",
    delta: transfer.quantity,
    reference: `transfer ${args.status === "CANCELLED" ? "cancelled" : "failed"}: ${args.reason}`.slice(0, 500),
    counterparty: transfer.toId,
    transferId: transfer.id,
    actor: actorOf(args),
  });
  const row = await tx.transfer.update({
    where: { id: transfer.id },
    data: { status: args.status, lastError: args.reason.slice(0, 500), nextAttemptAt: null },
  });
  return transferDto(row);
};
