import type { Ctx } from "../context.ts";
import { LocalApiError } from "../errors.ts";
import { FINAL_TRANSFER_STATUSES, type Transfer } from "../types.ts";
import { known } from "./command.ts";

/** One transfer as its source warehouse knows it (the source drives delivery). */
export async function transferOf(ctx: Ctx, warehouseId: string, id: string): Promise<Transfer> {
  const { warehouse } = await ctx.api.request<{ warehouse: { transfer: Transfer | null } | null }>("warehouseTransfer", { warehouseId, id });
  const { transfer } = known(warehouse, warehouseId);
  if (!transfer) throw new LocalApiError("NOT_FOUND", `No transfer ${id} in ${warehouseId}`, { id, warehouseId });
  return transfer;
}

/**
 * Polls a transfer until it is received, cancelled or failed, or `waitSeconds` pass; a long wait is
 * normal while the destination is offline (the source keeps retrying), so the line says the status.
 */
export async function followTransfer(ctx: Ctx, warehouseId: string, id: string, waitSeconds: number): Promise<Transfer> {
  const deadline = Date.now() + waitSeconds * 1000;
  return ctx.status.spin(ctx.t("progress.transfer", { id, status: "…" }), async (progress) => {
    for (let delay = 250; ; delay = Math.min(delay * 2, 2000)) {
      const transfer = await transferOf(ctx, warehouseId, id);
      progress(ctx.t("progress.transfer", { id, status: ctx.t(`transfer.${transfer.status}`) }));
      if (FINAL_TRANSFER_STATUSES.includes(transfer.status) || Date.now() + delay > deadline) return transfer;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  });
}

export function renderTransfer(ctx: Ctx, tr: Transfer): string {
  const { t, fmt } = ctx;
  const paint = tr.status === "RECEIVED" ? fmt.green : tr.status === "FAILED" || tr.status === "CANCELLED" ? fmt.red : fmt.yellow;
  const line = paint(t("result.transfer", { id: tr.id, qty: fmt.number(tr.quantity), sku: tr.sku, from: tr.from, to: tr.to, status: t(`transfer.${tr.status}`) }));
  return tr.lastError && !FINAL_TRANSFER_STATUSES.includes(tr.status) ? `${line}\n${fmt.dim(t("result.transferError", { error: tr.lastError }))}` : line;
}
