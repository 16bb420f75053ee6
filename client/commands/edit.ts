import { newIdempotencyKey } from "../api.ts";
import type { Ctx } from "../context.ts";
import type { Product } from "../types.ts";
import { defineCommand, emit, flags, need, onePositional } from "./command.ts";
import { priceFlag } from "./create.ts";
import { renderProduct } from "./product.ts";

export interface ProductChanges {
  name?: string;
  description?: string;
  price?: string;
  /** The counted stock: the server records the difference as an ADJUSTMENT. */
  quantity?: number;
}

export async function updateProduct(ctx: Ctx, warehouseId: string, sku: string, input: ProductChanges, idempotencyKey: string): Promise<Product> {
  const { updateProduct } = await ctx.api.request<{ updateProduct: Product }>("updateProduct", { warehouseId, sku, input, idempotencyKey });
  return updateProduct;
}

export default defineCommand({
  name: "edit",
  args: "<sku> ",
  summary: "cmd.edit",
  options: (t) => ({
    warehouse: flags.warehouse(t),
    name: { type: "string", help: t("opt.name") },
    description: { type: "string", help: t("opt.description") },
    price: { type: "string", help: t("opt.price") },
    qty: { type: "int", min: 0, max: 1_000_000_000, help: t("opt.countedQty") },
    key: flags.key(t),
  }),
  async run(ctx, o) {
    const warehouseId = need(ctx, o.warehouse, "warehouse");
    const sku = onePositional(ctx, o.positionals, "<sku>");
    const input: ProductChanges = { name: o.name, description: o.description, price: o.price === undefined ? undefined : priceFlag(ctx, o.price), quantity: o.qty };
    const product = await updateProduct(ctx, warehouseId, sku, input, o.key ?? newIdempotencyKey());
    emit(ctx, product, () => `${ctx.fmt.green(ctx.t("result.updated", { sku, warehouse: warehouseId }))}\n${renderProduct(ctx, warehouseId, product)}`);
  },
});
