import type { Ctx } from "../context.ts";
import { UsageError } from "../errors.ts";
import { TRANSFER_STATUSES, type Transfer } from "../types.ts";
import { defineCommand, emit, flags, warnUnavailable } from "./command.ts";

export async function listTransfers(ctx: Ctx, filter: { warehouseId?: string; sku?: string; status?: string[] }) {
  const { transfers } = await ctx.status.spin(ctx.t("working"), () =>
    ctx.api.request<{ transfers: { items: Transfer[]; unavailableWarehouses: string[] } }>("transfers", {
      warehouseId: filter.warehouseId ?? null, sku: filter.sku ?? null, status: filter.status?.length ? filter.status : null,
    }),
  );
  return transfers;
}

export function renderTransfers(ctx: Ctx, items: Transfer[]): string {
  const { t, fmt } = ctx;
  if (!items.length) return t("result.noTransfers");
  return fmt.table(
    [{ header: t("col.id") }, { header: t("col.sku") }, { header: t("col.quantity"), align: "right" }, { header: t("col.from") }, { header: t("col.to") }, { header: t("col.status") }, { header: t("col.attempts"), align: "right" }, { header: t("col.updated") }, { header: t("col.reference") }],
    items.map((x) => [x.id, x.sku, fmt.number(x.quantity), x.from, x.to, t(`transfer.${x.status}`), fmt.number(x.attempts), fmt.dateTime(x.updatedAt), x.reference ?? ""]),
  );
}

export default defineCommand({
  name: "transfers",
  summary: "cmd.transfers",
  options: (t) => ({
    warehouse: flags.warehouse(t),
    sku: { type: "string", help: t("opt.sku") },
    status: { type: "list", help: `${t("opt.status")}: ${TRANSFER_STATUSES.join(", ")}` },
  }),
  async run(ctx, o) {
    const status = (o.status ?? []).map((s) => s.toUpperCase());
    const bad = status.find((s) => !(TRANSFER_STATUSES as readonly string[]).includes(s));
    if (bad) throw new UsageError(ctx.t("usage.bad", { flag: "--status", problem: TRANSFER_STATUSES.join(", ") }));
    const transfers = await listTransfers(ctx, { warehouseId: o.warehouse, sku: o.sku, status });
    warnUnavailable(ctx, transfers.unavailableWarehouses);
    emit(ctx, transfers, () => renderTransfers(ctx, transfers.items));
  },
});
