import { newIdempotencyKey } from "../api.ts";
import type { Ctx } from "../context.ts";
import type { Transfer } from "../types.ts";
import { defineCommand, emit, flags, need, onePositional } from "./command.ts";
import { renderTransfer } from "./transfer-follow.ts";

/** Refused with CONFLICT once the destination has the units. */
export async function cancelTransfer(ctx: Ctx, warehouseId: string, id: string, idempotencyKey: string): Promise<Transfer> {
  const { cancelTransfer } = await ctx.api.request<{ cancelTransfer: Transfer }>("cancelTransfer", { warehouseId, id, idempotencyKey });
  return cancelTransfer;
}

export default defineCommand({
  name: "cancel-transfer",
  args: "<transfer-id> ",
  summary: "cmd.cancelTransfer",
  options: (t) => ({ warehouse: { ...flags.warehouse(t), help: t("opt.fromWarehouse") }, key: flags.key(t) }),
  async run(ctx, o) {
    const warehouseId = need(ctx, o.warehouse, "warehouse");
    const transfer = await cancelTransfer(ctx, warehouseId, onePositional(ctx, o.positionals, "<transfer-id>"), o.key ?? newIdempotencyKey());
    emit(ctx, transfer, () => renderTransfer(ctx, transfer));
  },
});
