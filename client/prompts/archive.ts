import { newIdempotencyKey } from "../api.ts";
import type { Ctx } from "../context.ts";
import { archiveProduct } from "../commands/archive.ts";
import { confirm } from "./ask.ts";
import { pickProduct, pickWarehouse } from "./pick.ts";

export async function archiveFlow(ctx: Ctx): Promise<void> {
  const { t } = ctx;
  const warehouseId = await pickWarehouse(ctx);
  const sku = await pickProduct(ctx, warehouseId);
  if (!(await confirm(t("ask.confirmArchive", { sku, warehouse: warehouseId })))) return;
  await archiveProduct(ctx, warehouseId, sku, newIdempotencyKey());
  ctx.out(ctx.fmt.green(t("result.archived", { sku, warehouse: warehouseId })));
}
