import type { Ctx } from "../context.ts";
import { LocalApiError } from "../errors.ts";
import type { CompanyStock } from "../types.ts";
import { defineCommand, emit, onePositional, warnUnavailable } from "./command.ts";

export type StockView = CompanyStock & { inTransit: number };

/** One sku everywhere, with the units on their way between warehouses: one company-wide answer. */
export async function stockOf(ctx: Ctx, sku: string): Promise<StockView> {
  const { stock } = await ctx.status.spin(ctx.t("working"), () => ctx.api.request<{ stock: StockView }>("stock", { sku }));
  return stock;
}

export function renderStock(ctx: Ctx, stock: StockView): string {
  const { t, fmt } = ctx;
  if (!stock.byWarehouse.length) return t("result.unknownSku", { sku: stock.sku });
  const rows = stock.byWarehouse.map((w) => [w.warehouseId, fmt.number(w.onHand), fmt.number(w.reserved), fmt.number(w.available)]);
  rows.push([t("total"), fmt.number(stock.onHand), fmt.number(stock.reserved), fmt.number(stock.available)]);
  const table = fmt.table(
    [{ header: t("col.warehouse") }, { header: t("col.onHand"), align: "right" }, { header: t("col.reserved"), align: "right" }, { header: t("col.available"), align: "right" }],
    rows,
  );
  const transit = stock.inTransit ? `\n${t("result.inTransit", { n: fmt.number(stock.inTransit) })}` : "";
  return `${fmt.bold(`${stock.sku}  ${stock.name ?? ""}`)}\n${table}${transit}`;
}

export default defineCommand({
  name: "stock",
  args: "<sku> ",
  summary: "cmd.stock",
  options: () => ({}),
  async run(ctx, o) {
    const stock = await stockOf(ctx, onePositional(ctx, o.positionals, "<sku>"));
    warnUnavailable(ctx, stock.unavailableWarehouses);
    // A sku nobody has is an error for scripts, unless a silent warehouse might have it.
    if (!stock.byWarehouse.length && !stock.unavailableWarehouses.length)
      throw new LocalApiError("NOT_FOUND", `No warehouse has ${stock.sku}`, { sku: stock.sku });
    emit(ctx, stock, () => renderStock(ctx, stock));
  },
});
