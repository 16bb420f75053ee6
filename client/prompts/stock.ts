import type { Ctx } from "../context.ts";
import { renderStock, stockOf } from "../commands/stock.ts";
import { warnUnavailable } from "../commands/command.ts";
import { pickProduct } from "./pick.ts";

/** Shows one sku in every warehouse (with what could not answer). */
export async function showStock(ctx: Ctx, sku: string): Promise<void> {
  const stock = await stockOf(ctx, sku);
  warnUnavailable(ctx, stock.unavailableWarehouses);
  ctx.out(renderStock(ctx, stock));
}

export async function stockFlow(ctx: Ctx): Promise<void> {
  await showStock(ctx, await pickProduct(ctx));
}
