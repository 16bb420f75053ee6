import { conflict } from "../../../lib/errors.ts";
import { productDto } from "../domain/dto.ts";
import { applyMovement } from "../domain/ledger.ts";
import { parsePrice } from "../domain/money.ts";
import { checkSku, checkStockLevel, checkText } from "../domain/validate.ts";
import { actorOf, type Handler } from "./types.ts";

/** A new product; opening stock is recorded as an ADJUSTMENT so the ledger explains every unit. */
export const createProduct: Handler<"createProduct"> = async (tx, args) => {
  const sku = checkSku(args.sku);
  const name = checkText(args.name, "name", 200, { required: true })!;
  const description = checkText(args.description, "description", 2000) ?? "";
  const priceCents = parsePrice(args.price);
  const quantity = args.quantity == null ? 0 : checkStockLevel(args.quantity);
  const existing = await tx.product.findUnique({ where: { sku } });
  if (existing)
    throw conflict(existing.archived ? `Product ${sku} exists and is archived` : `Product ${sku} already exists`, { sku });
  const product = await tx.product.create({ data: { sku, name, description, priceCents } });
  if (quantity > 0)
    await applyMovement(tx, { product, kind: "ADJUSTMENT", delta: quantity, reference: "opening stock", actor: actorOf(args) });
  return productDto((await tx.product.findUnique({ where: { sku } }))!);
};
