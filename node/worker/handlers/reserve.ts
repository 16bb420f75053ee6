import { randomUUID } from "node:crypto";
import { insufficientStock } from "../../../lib/errors.ts";
import { sealField } from "../crypto/sealed-columns.ts";
import { reservationDto } from "../domain/dto.ts";
import { activeProduct } from "../domain/ledger.ts";
import { checkExpiry, checkPositiveQuantity, checkSku, checkText } from "../domain/validate.ts";
import type { Handler } from "./types.ts";

/** Holds units of available stock; onHand is unchanged, so no movement is written. */
export const reserve: Handler<"reserve"> = async (tx, args, ctx) => {
  const sku = checkSku(args.sku);
  const quantity = checkPositiveQuantity(args.quantity);
  const reference = checkText(args.reference, "reference", 500);
  const expiresIn = checkExpiry(args.expiresInSeconds);
  const product = await activeProduct(tx, sku);
  const available = product.onHand - product.reserved;
  if (quantity > available)
    throw insufficientStock(`Only ${available} of ${sku} available, ${quantity} requested`, { sku, available, requested: quantity });
  await tx.product.update({ where: { sku }, data: { reserved: product.reserved + quantity } });
  const row = await tx.reservation.create({
    data: {
      id: randomUUID(),
      sku,
      quantity,
      status: "ACTIVE",
      reference: sealField("Reservation.reference", sku, reference),
      expiresAt: expiresIn === null ? null : new Date(ctx.now.getTime() + expiresIn * 1000),
    },
  });
  ctx.leases?.note(row.expiresAt);
  return reservationDto(row);
};
