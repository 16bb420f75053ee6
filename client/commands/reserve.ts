import { newIdempotencyKey } from "../api.ts";
import type { Ctx } from "../context.ts";
import type { Reservation } from "../types.ts";
import { defineCommand, emit, flags, need } from "./command.ts";

export interface ReserveInput {
  sku: string;
  quantity: number;
  reference?: string;
  expiresInSeconds?: number;
}

export async function reserve(ctx: Ctx, warehouseId: string, input: ReserveInput, idempotencyKey: string): Promise<Reservation> {
  const { reserve } = await ctx.api.request<{ reserve: Reservation }>("reserve", { warehouseId, ...input, idempotencyKey });
  return reserve;
}

export const reservedMessage = (ctx: Ctx, warehouseId: string, r: Reservation) =>
  ctx.fmt.green(ctx.t("result.reserved", { qty: ctx.fmt.number(r.quantity), sku: r.sku, warehouse: warehouseId, id: r.id }));

export default defineCommand({
  name: "reserve",
  summary: "cmd.reserve",
  options: (t) => ({
    warehouse: flags.warehouse(t),
    sku: { type: "string", help: t("opt.sku") },
    qty: flags.qty(t),
    reference: flags.reference(t),
    expires: { type: "int", min: 1, max: 366 * 24 * 3600, help: t("opt.expires") },
    key: flags.key(t),
  }),
  async run(ctx, o) {
    const warehouseId = need(ctx, o.warehouse, "warehouse");
    const input = { sku: need(ctx, o.sku, "sku"), quantity: need(ctx, o.qty, "qty"), reference: o.reference, expiresInSeconds: o.expires };
    const reservation = await reserve(ctx, warehouseId, input, o.key ?? newIdempotencyKey());
    emit(ctx, reservation, () => reservedMessage(ctx, warehouseId, reservation));
  },
});
