import { newIdempotencyKey } from "../api.ts";
import type { Ctx } from "../context.ts";
import { reserve, reservedMessage } from "../commands/reserve.ts";
import { input, integer } from "./ask.ts";
import { pickProduct, pickWarehouse } from "./pick.ts";

export async function reserveFlow(ctx: Ctx, sku?: string): Promise<void> {
  const { t } = ctx;
  const warehouseId = await pickWarehouse(ctx);
  const chosen = sku ?? (await pickProduct(ctx, warehouseId));
  const quantity = await integer(ctx, t("ask.quantity"), { min: 1 });
  const reference = (await input(t("ask.reference"))) || undefined;
  const minutes = await input(t("ask.expires"), { validate: (v) => v.trim() === "" || /^[1-9]\d{0,5}$/.test(v.trim()) || t("valid.positive") });
  // One key per action: every retry of this reservation (automatic or after reconnecting) reuses it.
  const key = newIdempotencyKey();
  const request = { sku: chosen, quantity, reference, expiresInSeconds: minutes ? Number(minutes) * 60 : undefined };
  const reservation = await ctx.status.spin(t("working"), () => reserve(ctx, warehouseId, request, key));
  ctx.out(reservedMessage(ctx, warehouseId, reservation));
}
