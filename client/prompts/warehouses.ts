import type { Ctx } from "../context.ts";
import { listWarehouses, renderWarehouses } from "../commands/warehouses.ts";

export async function warehousesFlow(ctx: Ctx): Promise<void> {
  ctx.out(renderWarehouses(ctx, await ctx.status.spin(ctx.t("working"), () => listWarehouses(ctx))));
}
