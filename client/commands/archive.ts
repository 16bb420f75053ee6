import { newIdempotencyKey } from "../api.ts";
import type { Ctx } from "../context.ts";
import type { Product } from "../types.ts";
import { defineCommand, emit, flags, need, onePositional } from "./command.ts";

/** Archives (the API's deleteProduct): refused with CONFLICT while reservations are active. */
export async function archiveProduct(ctx: Ctx, warehouseId: string, sku: string, idempotencyKey: string): Promise<Product> {
  const { deleteProduct } = await ctx.api.request<{ deleteProduct: Product }>("deleteProduct", { warehouseId, sku, idempotencyKey });
  return deleteProduct;
}

export default defineCommand({
  name: "archive",
  args: "<sku> ",
  summary: "cmd.archive",
  options: (t) => ({ warehouse: flags.warehouse(t), key: flags.key(t) }),
  async run(ctx, o) {
    const warehouseId = need(ctx, o.warehouse, "warehouse");
    const sku = onePositional(ctx, o.positionals, "<sku>");
    const product = await archiveProduct(ctx, warehouseId, sku, o.key ?? newIdempotencyKey());
    emit(ctx, product, () => ctx.fmt.green(ctx.t("result.archived", { sku, warehouse: warehouseId })));
  },
});
