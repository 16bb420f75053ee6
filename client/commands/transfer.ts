import { newIdempotencyKey } from "../api.ts";
import type { Ctx } from "../context.ts";
import type { Transfer } from "../types.ts";
import { defineCommand, emit, flags, need } from "./command.ts";
import { followTransfer, renderTransfer } from "./transfer-follow.ts";

export interface TransferInput {
  sku: string;
  quantity: number;
  to: string;
  reference?: string;
}

/** Sent to the source warehouse, which delivers it to the destination exactly once. */
export async function transferStock(ctx: Ctx, from: string, input: TransferInput, idempotencyKey: string): Promise<Transfer> {
  const { transferStock } = await ctx.api.request<{ transferStock: Transfer }>("transferStock", { warehouseId: from, ...input, idempotencyKey });
  return transferStock;
}

export const waitFlag = (help: string) => ({ type: "int", default: 0, min: 0, max: 86_400, help }) as const;

export default defineCommand({
  name: "transfer",
  summary: "cmd.transfer",
  options: (t) => ({
    from: { type: "string", help: t("opt.fromWarehouse") },
    to: { type: "string", help: t("opt.toWarehouse") },
    sku: { type: "string", help: t("opt.sku") },
    qty: flags.qty(t),
    reference: flags.reference(t),
    wait: waitFlag(t("opt.wait")),
    key: flags.key(t),
  }),
  async run(ctx, o) {
    const from = need(ctx, o.from, "from");
    const input = { sku: need(ctx, o.sku, "sku"), quantity: need(ctx, o.qty, "qty"), to: need(ctx, o.to, "to"), reference: o.reference };
    let transfer = await transferStock(ctx, from, input, o.key ?? newIdempotencyKey());
    if (o.wait > 0) transfer = await followTransfer(ctx, from, transfer.id, o.wait);
    emit(ctx, transfer, () => renderTransfer(ctx, transfer));
  },
});
