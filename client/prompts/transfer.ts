import { newIdempotencyKey } from "../api.ts";
import type { Ctx } from "../context.ts";
import { transferStock } from "../commands/transfer.ts";
import { followTransfer, renderTransfer } from "../commands/transfer-follow.ts";
import { confirm, input, integer } from "./ask.ts";
import { pickProduct, pickWarehouse } from "./pick.ts";

/** Long enough for a normal delivery; a destination that is offline keeps the transfer IN_TRANSIT. */
const FOLLOW_SECONDS = 60;

export async function transferFlow(ctx: Ctx, sku?: string): Promise<void> {
  const { t } = ctx;
  const from = await pickWarehouse(ctx, t("ask.fromWarehouse"));
  const chosen = sku ?? (await pickProduct(ctx, from));
  const to = await pickWarehouse(ctx, t("ask.toWarehouse"), from);
  const quantity = await integer(ctx, t("ask.quantity"), { min: 1 });
  const reference = (await input(t("ask.reference"))) || undefined;
  const key = newIdempotencyKey();
  const transfer = await ctx.status.spin(t("working"), () => transferStock(ctx, from, { sku: chosen, quantity, to, reference }, key));
  ctx.out(renderTransfer(ctx, transfer));
  if (await confirm(t("ask.follow"), true)) ctx.out(renderTransfer(ctx, await followTransfer(ctx, from, transfer.id, FOLLOW_SECONDS)));
}
