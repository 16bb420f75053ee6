import { ClientError } from "graphql-request";
import type { Ctx } from "../context.ts";
import type { CompanyMovement, Movement, MovementSummary } from "../types.ts";
import { known, warnUnavailable } from "./command.ts";
import { listWarehouses } from "./warehouses.ts";

type MovementsAnswer = { warehouse: { movements: { items: Movement[]; nextCursor: string | null } } | null };

export interface ReportFilter {
  from: string;
  to: string;
  warehouseId?: string;
  sku?: string;
  kind?: string;
}

/**
 * Asks each online warehouse in turn; one that is offline or stops answering is listed as
 * unavailable (DESIGN.md rule 5) and the report goes on with the others.
 */
async function perWarehouse<R>(ctx: Ctx, filter: ReportFilter, read: (warehouseId: string) => Promise<R[]>) {
  const all = filter.warehouseId ? [{ id: filter.warehouseId, online: true }] : await listWarehouses(ctx);
  const unavailableWarehouses = all.filter((w) => !w.online).map((w) => w.id);
  const items: R[] = [];
  for (const w of all.filter((w) => w.online)) {
    try {
      items.push(...(await read(w.id)));
    } catch (error) {
      const code = error instanceof ClientError ? error.response.errors?.[0]?.extensions?.code : undefined;
      if (code !== "WAREHOUSE_UNAVAILABLE" || filter.warehouseId) throw error;
      unavailableWarehouses.push(w.id);
    }
  }
  warnUnavailable(ctx, unavailableWarehouses);
  return { items, unavailableWarehouses: unavailableWarehouses.sort() };
}

/** Every movement of the period, page by page (500 a call), newest first; a progress line counts them. */
export function readMovements(ctx: Ctx, filter: ReportFilter) {
  return ctx.status.spin(ctx.t("working"), async (progress) => {
    const report = await perWarehouse(ctx, filter, async (warehouseId) => {
      const items: CompanyMovement[] = [];
      let after = null as string | null;
      do {
        const { warehouse }: MovementsAnswer = await ctx.api.request<MovementsAnswer>(
          "warehouseMovements", { warehouseId, sku: filter.sku ?? null, kind: filter.kind ?? null, from: filter.from, to: filter.to, first: 500, after },
        );
        const { movements } = known(warehouse, warehouseId);
        items.push(...movements.items.map((m) => ({ warehouseId, ...m })));
        after = movements.nextCursor;
        progress(ctx.t("progress.movements", { warehouse: warehouseId, count: ctx.fmt.number(items.length) }));
      } while (after);
      return items;
    });
    report.items.sort((a, b) => b.occurredAt.localeCompare(a.occurredAt) || a.warehouseId.localeCompare(b.warehouseId) || Number(b.id) - Number(a.id));
    return report;
  });
}

/** Count and signed total per warehouse, sku and kind (the node's movementReport). */
export function readSummary(ctx: Ctx, filter: ReportFilter) {
  return ctx.status.spin(ctx.t("working"), () =>
    perWarehouse(ctx, filter, async (warehouseId) => {
      const { warehouse } = await ctx.api.request<{ warehouse: { movementReport: MovementSummary[] } | null }>(
        "warehouseMovementReport", { warehouseId, from: filter.from, to: filter.to, sku: filter.sku ?? null },
      );
      const rows = known(warehouse, warehouseId).movementReport.filter((s) => !filter.kind || s.kind === filter.kind);
      return rows.map((s) => ({ warehouseId, ...s }));
    }),
  );
}
