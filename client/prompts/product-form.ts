import { newIdempotencyKey } from "../api.ts";
import type { Ctx } from "../context.ts";
import { createProduct } from "../commands/create.ts";
import { updateProduct, type ProductChanges } from "../commands/edit.ts";
import { productOf, renderProduct } from "../commands/product.ts";
import { isSku, parsePrice } from "../input.ts";
import { input, integer } from "./ask.ts";
import { pickProduct, pickWarehouse } from "./pick.ts";

export async function createFlow(ctx: Ctx): Promise<void> {
  const { t } = ctx;
  const warehouseId = await pickWarehouse(ctx);
  const sku = await input(t("ask.sku"), { validate: (v) => isSku(v) || t("valid.sku") });
  const name = await input(t("ask.name"), { validate: (v) => v.trim() !== "" || t("valid.required") });
  const description = (await input(t("ask.description"))) || undefined;
  const price = parsePrice(await input(t("ask.price"), { validate: (v) => parsePrice(v) !== null || t("valid.price") }))!;
  const quantity = await integer(ctx, t("ask.openingStock"), { min: 0, initial: 0 });
  const key = newIdempotencyKey();
  const product = await createProduct(ctx, warehouseId, { sku, name, description, price, quantity }, key);
  ctx.out(`${ctx.fmt.green(t("result.created", { sku, warehouse: warehouseId }))}\n${renderProduct(ctx, warehouseId, product)}`);
}

/** Each field starts at its current value; only what changed is sent. */
export async function editFlow(ctx: Ctx): Promise<void> {
  const { t } = ctx;
  const warehouseId = await pickWarehouse(ctx);
  const sku = await pickProduct(ctx, warehouseId);
  const current = await productOf(ctx, warehouseId, sku);
  ctx.out(renderProduct(ctx, warehouseId, current));
  const name = await input(t("ask.name"), { initial: current.name, validate: (v) => v.trim() !== "" || t("valid.required") });
  const description = await input(t("ask.description"), { initial: current.description });
  const priceText = await input(t("ask.price"), { initial: current.price, validate: (v) => parsePrice(v) !== null || t("valid.price") });
  const quantity = await integer(ctx, t("ask.countedStock"), { min: 0, initial: current.onHand });
  const changes: ProductChanges = {};
  if (name !== current.name) changes.name = name;
  if (description !== current.description) changes.description = description;
  if (parsePrice(priceText) !== current.price) changes.price = parsePrice(priceText)!;
  if (quantity !== current.onHand) changes.quantity = quantity;
  if (!Object.keys(changes).length) return;
  const product = await updateProduct(ctx, warehouseId, sku, changes, newIdempotencyKey());
  ctx.out(`${ctx.fmt.green(t("result.updated", { sku, warehouse: warehouseId }))}\n${renderProduct(ctx, warehouseId, product)}`);
}
