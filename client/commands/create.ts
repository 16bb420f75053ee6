import { newIdempotencyKey } from "../api.ts";
import type { Ctx } from "../context.ts";
import { UsageError } from "../errors.ts";
import { isSku, parsePrice } from "../input.ts";
import type { Product } from "../types.ts";
import { defineCommand, emit, flags, need } from "./command.ts";
import { renderProduct } from "./product.ts";

export interface NewProduct {
  sku: string;
  name: string;
  description?: string;
  price: string;
  quantity?: number;
}

export async function createProduct(ctx: Ctx, warehouseId: string, input: NewProduct, idempotencyKey: string): Promise<Product> {
  const { createProduct } = await ctx.api.request<{ createProduct: Product }>("createProduct", { warehouseId, input, idempotencyKey });
  return createProduct;
}

/** A price flag checked and normalised on the client ("12,5" → "12.50"), before any call. */
export function priceFlag(ctx: Ctx, value: string): string {
  const price = parsePrice(value);
  if (!price) throw new UsageError(ctx.t("usage.bad", { flag: "--price", problem: ctx.t("valid.price") }));
  return price;
}

export default defineCommand({
  name: "create",
  summary: "cmd.create",
  options: (t) => ({
    warehouse: flags.warehouse(t),
    sku: { type: "string", help: t("opt.sku") },
    name: { type: "string", help: t("opt.name") },
    description: { type: "string", help: t("opt.description") },
    price: { type: "string", help: t("opt.price") },
    qty: { type: "int", min: 0, max: 1_000_000_000, help: t("opt.qty") },
    key: flags.key(t),
  }),
  async run(ctx, o) {
    const warehouseId = need(ctx, o.warehouse, "warehouse");
    const sku = need(ctx, o.sku, "sku");
    if (!isSku(sku)) throw new UsageError(ctx.t("usage.bad", { flag: "--sku", problem: ctx.t("valid.sku") }));
    const input = { sku, name: need(ctx, o.name, "name"), description: o.description, price: priceFlag(ctx, need(ctx, o.price, "price")), quantity: o.qty };
    const product = await createProduct(ctx, warehouseId, input, o.key ?? newIdempotencyKey());
    emit(ctx, product, () => `${ctx.fmt.green(ctx.t("result.created", { sku, warehouse: warehouseId }))}\n${renderProduct(ctx, warehouseId, product)}`);
  },
});
