import type { Ctx } from "../context.ts";
import { UsageError } from "../errors.ts";
import type { Reservation } from "../types.ts";
import { defineCommand, emit, flags, known, need } from "./command.ts";

const STATUSES = ["ACTIVE", "RELEASED", "FULFILLED", "EXPIRED"];

export async function listReservations(ctx: Ctx, warehouseId: string, filter: { sku?: string; status?: string }): Promise<Reservation[]> {
  const { warehouse } = await ctx.api.request<{ warehouse: { reservations: Reservation[] } | null }>("warehouseReservations", {
    warehouseId, sku: filter.sku ?? null, status: filter.status ?? null,
  });
  return known(warehouse, warehouseId).reservations;
}

export function renderReservations(ctx: Ctx, items: Reservation[]): string {
  const { t, fmt } = ctx;
  if (!items.length) return t("result.noReservations");
  return fmt.table(
    [{ header: t("col.id") }, { header: t("col.sku") }, { header: t("col.quantity"), align: "right" }, { header: t("col.status") }, { header: t("col.reference") }, { header: t("col.expires") }, { header: t("col.created") }],
    items.map((r) => [r.id, r.sku, fmt.number(r.quantity), t(`reservation.${r.status}`), r.reference ?? "", fmt.dateTime(r.expiresAt), fmt.dateTime(r.createdAt)]),
  );
}

export default defineCommand({
  name: "reservations",
  summary: "cmd.reservations",
  options: (t) => ({ warehouse: flags.warehouse(t), sku: { type: "string", help: t("opt.sku") }, status: { type: "string", help: `${t("opt.status")}: ${STATUSES.join(", ")}` } }),
  async run(ctx, o) {
    const warehouseId = need(ctx, o.warehouse, "warehouse");
    const status = o.status?.toUpperCase();
    if (status && !STATUSES.includes(status)) throw new UsageError(ctx.t("usage.bad", { flag: "--status", problem: STATUSES.join(", ") }));
    const items = await listReservations(ctx, warehouseId, { sku: o.sku, status });
    emit(ctx, items, () => renderReservations(ctx, items));
  },
});
