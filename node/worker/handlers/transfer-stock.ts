import { randomUUID } from "node:crypto";
import { badInput } from "../../../lib/errors.ts";
import { sealField } from "../crypto/sealed-columns.ts";
import { transferDto } from "../domain/dto.ts";
import { activeProduct, applyMovement } from "../domain/ledger.ts";
import { checkPositiveQuantity, checkSku, checkText, checkWarehouseId } from "../domain/validate.ts";
import { actorOf, type Handler } from "./types.ts";

/**
 * The source half of a transfer (DESIGN.md rule 4): the TRANSFER_OUT and the outbox row commit
 * together, so the units are either still here or on their way, never neither. The node's
 * dispatcher then delivers the outbox row until the destination acknowledges.
 */
export const transferStock: Handler<"transferStock"> = async (tx, args, ctx) => {
  const sku = checkSku(args.sku);
  const quantity = checkPositiveQuantity(args.quantity);
  const to = checkWarehouseId(args.to, "to");
  if (to === ctx.nodeId) throw badInput("to must be another warehouse", { field: "to" });
  const reference = checkText(args.reference, "reference", 500);
  const product = await activeProduct(tx, sku);
  const id = randomUUID();
  await applyMovement(tx, { product, kind: "TRANSFER_OUT", delta: -quantity, reference, counterparty: to, transferId: id, actor: actorOf(args) });
  const row = await tx.transfer.create({
    data: {
      id,
      sku,
      quantity,
      fromId: ctx.nodeId,
      toId: to,
      direction: "OUT",
      status: "PENDING",
      name: product.name,
      description: product.description,
      priceCents: product.priceCents,
      reference: sealField("Transfer.reference", sku, reference),
      nextAttemptAt: ctx.now,
    },
  });
  return transferDto(row);
};
