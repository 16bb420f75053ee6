import { badInput, notFound } from "../../../lib/errors.ts";
import type { TransferOffer } from "../../../schema/jobs.ts";
import type { Tx } from "../db.ts";
import type { Transfer } from "../generated/prisma/client.ts";
import { parsePrice } from "./money.ts";
import { checkPositiveQuantity, checkSku, checkText, checkTransferId, checkWarehouseId } from "./validate.ts";

export async function outgoingTransfer(tx: Tx, id: unknown): Promise<Transfer> {
  const transfer = await tx.transfer.findUnique({ where: { id: checkTransferId(id) } });
  if (!transfer || transfer.direction !== "OUT") throw notFound(`No outgoing transfer with id ${String(id).slice(0, 100)}`, { id });
  return transfer;
}

export async function incomingTransfer(tx: Tx, id: string): Promise<Transfer | null> {
  const transfer = await tx.transfer.findUnique({ where: { id } });
  if (transfer && transfer.direction !== "IN") throw badInput(`Transfer id ${id} belongs to one of this warehouse's own transfers`, { id });
  return transfer;
}

/** A peer's offer, checked like any other input: it must be addressed to this warehouse. */
export function checkOffer(offer: TransferOffer, nodeId: string) {
  const to = checkWarehouseId(offer.to, "to");
  if (to !== nodeId) throw badInput(`Transfer is addressed to ${to}, not ${nodeId}`, { field: "to" });
  return {
    id: checkTransferId(offer.id),
    sku: checkSku(offer.sku),
    quantity: checkPositiveQuantity(offer.quantity),
    from: checkWarehouseId(offer.from, "from"),
    to,
    name: checkText(offer.name, "name", 200) ?? "",
    description: checkText(offer.description, "description", 2000) ?? "",
    priceCents: parsePrice(offer.price),
    reference: checkText(offer.reference, "reference", 500),
  };
}
