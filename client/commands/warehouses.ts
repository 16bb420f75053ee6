import type { Ctx } from "../context.ts";
import type { WarehouseInfo } from "../types.ts";
import { defineCommand, emit } from "./command.ts";

export async function listWarehouses(ctx: Ctx): Promise<WarehouseInfo[]> {
  const { warehouses } = await ctx.api.request<{ warehouses: WarehouseInfo[] }>("warehouses");
  ctx.known = warehouses;
  return warehouses;
}

export function renderWarehouses(ctx: Ctx, warehouses: WarehouseInfo[]): string {
  const { t, fmt } = ctx;
  return fmt.table(
    [{ header: t("col.id") }, { header: t("col.name") }, { header: t("col.state") }, { header: t("col.lastSeen") }, { header: t("col.url") }],
    warehouses.map((w) => [w.id, w.name, w.online ? t("state.online") : t("state.offline"), fmt.dateTime(w.lastSeen), w.url]),
  );
}

export default defineCommand({
  name: "warehouses",
  summary: "cmd.warehouses",
  options: () => ({}),
  async run(ctx) {
    const warehouses = await listWarehouses(ctx);
    emit(ctx, warehouses, () => renderWarehouses(ctx, warehouses));
  },
});
