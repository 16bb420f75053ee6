import { newIdempotencyKey } from "../api.ts";
import type { Ctx } from "../context.ts";
import { fulfilReservation, fulfilledMessage } from "../commands/fulfil.ts";
import { releaseReservation, releasedMessage } from "../commands/release.ts";
import { select } from "./ask.ts";
import { pickReservation, pickWarehouse } from "./pick.ts";

/** Pick an active reservation of a warehouse, then release or fulfil it. */
export async function reservationsFlow(ctx: Ctx): Promise<void> {
  const { t } = ctx;
  const warehouseId = await pickWarehouse(ctx);
  const id = await pickReservation(ctx, warehouseId);
  const action = await select(t("ask.reservationAction"), [
    { name: "fulfil", message: t("ask.fulfil") },
    { name: "release", message: t("ask.release") },
    { name: "back", message: t("menu.back") },
  ]);
  const key = newIdempotencyKey();
  if (action === "release") ctx.out(releasedMessage(ctx, await releaseReservation(ctx, warehouseId, id, key)));
  if (action === "fulfil") ctx.out(fulfilledMessage(ctx, await fulfilReservation(ctx, warehouseId, id, key)));
}
