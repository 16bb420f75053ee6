import { newIdempotencyKey } from "../api.ts";
import type { Ctx } from "../context.ts";
import { MANUAL_KINDS, recordMovement, recordedMessage } from "../commands/record.ts";
import { input, integer, select } from "./ask.ts";
import { pickProduct, pickWarehouse } from "./pick.ts";

export async function movementFlow(ctx: Ctx, sku?: string): Promise<void> {
  const { t } = ctx;
  const kind = (await select(t("ask.kind"), MANUAL_KINDS.map((k) => ({ name: k, message: t(`kind.${k}`) })))) as (typeof MANUAL_KINDS)[number];
  const warehouseId = await pickWarehouse(ctx);
  const chosen = sku ?? (await pickProduct(ctx, warehouseId));
  const quantity = kind === "ADJUSTMENT"
    ? await integer(ctx, t("ask.delta"), { nonZero: true })
    : await integer(ctx, t("ask.quantity"), { min: 1 });
  const reference = (await input(t("ask.reference"))) || undefined;
  const counterparty = kind === "ADJUSTMENT" ? undefined : (await input(t("ask.counterparty"))) || undefined;
  const key = newIdempotencyKey();
  const movement = await ctx.status.spin(t("working"), () =>
    recordMovement(ctx, warehouseId, { sku: chosen, kind, quantity, reference, counterparty }, key));
  ctx.out(recordedMessage(ctx, warehouseId, movement));
}
