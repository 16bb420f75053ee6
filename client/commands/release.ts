import { newIdempotencyKey } from "../api.ts";
import type { Ctx } from "../context.ts";
import type { Reservation } from "../types.ts";
import { defineCommand, emit, flags, need, onePositional } from "./command.ts";

export async function releaseReservation(ctx: Ctx, warehouseId: string, id: string, idempotencyKey: string): Promise<Reservation> {
  const { releaseReservation } = await ctx.api.request<{ releaseReservation: Reservation }>("releaseReservation", { warehouseId, id, idempotencyKey });
  return releaseReservation;
}

export const releasedMessage = (ctx: Ctx, r: Reservation) =>
  ctx.fmt.green(ctx.t("result.released", { id: r.id, qty: ctx.fmt.number(r.quantity), sku: r.sku }));

export default defineCommand({
  name: "release",
  args: "<reservation-id> ",
  summary: "cmd.release",
  options: (t) => ({ warehouse: flags.warehouse(t), key: flags.key(t) }),
  async run(ctx, o) {
    const warehouseId = need(ctx, o.warehouse, "warehouse");
    const reservation = await releaseReservation(ctx, warehouseId, onePositional(ctx, o.positionals, "<reservation-id>"), o.key ?? newIdempotencyKey());
    emit(ctx, reservation, () => releasedMessage(ctx, reservation));
  },
});
