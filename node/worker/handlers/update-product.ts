import { badInput, insufficientStock } from "../../../lib/errors.ts";
import { productDto } from "../domain/dto.ts";
import { activeProduct, applyMovement } from "../domain/ledger.ts";
import { parsePrice } from "../domain/money.ts";
import { checkSku, checkStockLevel, checkText } from "../domain/validate.ts";
import { actorOf, type Handler } from "./types.ts";

/** Edits the fields given; a new quantity is a stock count, recorded as an ADJUSTMENT of the difference. */
export const updateProduct: Handler<"updateProduct"> = async (tx, args) => {
  const sku = checkSku(args.sku);
  const data: { name?: string; description?: string; priceCents?: number } = {};
  if (args.name != null) data.name = checkText(args.name, "name", 200, { required: true })!;
  if (args.description != null) data.description = checkText(args.description, "description", 2000) ?? "";
  if (args.price != null) data.priceCents = parsePrice(args.price);
  const quantity = args.quantity == null ? null : checkStockLevel(args.quantity);
  if (!Object.keys(data).length && quantity === null) throw badInput("Nothing to update: give name, description, price or quantity");
  const product = await activeProduct(tx, sku);
  if (quantity !== null && quantity < product.reserved)
    throw insufficientStock(`${product.reserved} units of ${sku} are reserved; quantity cannot go below that`, {
      sku,
      reserved: product.reserved,
      available: product.onHand - product.reserved,
    });
  if (Object.keys(data).length) await tx.product.update({ where: { sku }, data });
  if (quantity !== null && quantity !== product.onHand)
    await applyMovement(tx, { product, kind: "ADJUSTMENT", delta: quantity - product.onHand, reference: "stock count", actor: actorOf(args) });
  return productDto((await tx.product.findUnique({ where: { sku } }))!);
};
