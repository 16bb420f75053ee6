import type { Ctx } from "../context.ts";
import { LocalApiError } from "../errors.ts";
import type { Product } from "../types.ts";
import { defineCommand, emit, flags, known, need, onePositional } from "./command.ts";

export async function productOf(ctx: Ctx, warehouseId: string, sku: string): Promise<Product> {
  const { warehouse } = await ctx.api.request<{ warehouse: { product: Product | null } | null }>("warehouseProduct", { warehouseId, sku });
  const { product } = known(warehouse, warehouseId);
  if (!product) throw new LocalApiError("NOT_FOUND", `No product with sku ${sku}`, { sku, warehouseId });
  return product;
}

/** A product as a two-column card. */
export function renderProduct(ctx: Ctx, warehouseId: string, p: Product): string {
  const { t, fmt } = ctx;
  const rows: [string, string][] = [
    [t("col.sku"), p.sku],
    [t("col.name"), p.name],
    [t("col.description"), p.description],
    [t("col.warehouse"), warehouseId],
    [t("col.price"), fmt.price(p.price)],
    [t("col.onHand"), fmt.number(p.onHand)],
    [t("col.reserved"), fmt.number(p.reserved)],
    [t("col.available"), fmt.number(p.available)],
    [t("col.archived"), p.archived ? t("yes") : t("no")],
    [t("col.updated"), fmt.dateTime(p.updatedAt)],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${fmt.dim(label.padEnd(width))}  ${value}`).join("\n");
}

export default defineCommand({
  name: "product",
  args: "<sku> ",
  summary: "cmd.product",
  options: (t) => ({ warehouse: flags.warehouse(t) }),
  async run(ctx, o) {
    const warehouseId = need(ctx, o.warehouse, "warehouse");
    const product = await productOf(ctx, warehouseId, onePositional(ctx, o.positionals, "<sku>"));
    emit(ctx, product, () => renderProduct(ctx, warehouseId, product));
  },
});
