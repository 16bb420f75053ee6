import { newIdempotencyKey } from "../api.ts";
import type { Ctx } from "../context.ts";
import type { Movement } from "../types.ts";
import { defineCommand, emit, flags, need, onePositional } from "./command.ts";

/** Fulfils a reservation: the server records it as a SALE and answers with that movement. */
export async function fulfilReservation(ctx: Ctx, warehouseId: string, id: string, idempotencyKey: string): Promise<Movement> {
  const { fulfillReservation } = await ctx.api.request<{ fulfillReservation: Movement }>("fulfillReservation", { warehouseId, id, idempotencyKey });
  return fulfillReservation;
}

export const fulfilledMessage = (ctx: Ctx, m: Movement) =>
  ctx.fmt.green(ctx.t("result.fulfilled", { qty: ctx.fmt.number(-m.quantity), sku: m.sku, balance: ctx.fmt.number(m.balanceAfter) }));

export default defineCommand({
  name: "fulfil",
  args: "<reservation-id> ",
  summary: "cmd.fulfil",
  options: (t) => ({ warehouse: flags.warehouse(t), key: flags.key(t) }),
  async run(ctx, o) {
    const warehouseId = need(ctx, o.warehouse, "warehouse");
    const movement = await fulfilReservation(ctx, warehouseId, onePositional(ctx, o.positionals, "<reservation-id>"), o.key ?? newIdempotencyKey());
    emit(ctx, movement, () => fulfilledMessage(ctx, movement));
  },
});
