import type { Ctx } from "../context.ts";
import type { CompanyStock, Product } from "../types.ts";
import { defineCommand, emit, flags, known, warnUnavailable } from "./command.ts";

type ProductsAnswer = { warehouse: { products: { items: Product[]; nextCursor: string | null } } | null };

/** Every live sku across the company whose sku or name contains `search`. */
export async function searchCompany(ctx: Ctx, search: string | undefined) {
  const { inventory } = await ctx.status.spin(ctx.t("working"), () =>
    ctx.api.request<{ inventory: { items: CompanyStock[]; unavailableWarehouses: string[] } }>("inventory", { search: search || null }),
  );
  return inventory;
}

/** One warehouse's products (with prices), every page. */
export async function searchWarehouse(ctx: Ctx, warehouseId: string, search: string | undefined): Promise<Product[]> {
  return ctx.status.spin(ctx.t("progress.products", { count: 0 }), async (progress) => {
    const items: Product[] = [];
    let after = null as string | null;
    do {
      const { warehouse }: ProductsAnswer = await ctx.api.request<ProductsAnswer>(
        "warehouseProducts", { warehouseId, search: search || null, first: 500, after },
      );
      const { products } = known(warehouse, warehouseId);
      items.push(...products.items);
      after = products.nextCursor;
      progress(ctx.t("progress.products", { count: ctx.fmt.number(items.length) }));
    } while (after);
    return items;
  });
}

export function renderCompanyItems(ctx: Ctx, items: CompanyStock[]): string {
  const { t, fmt } = ctx;
  if (!items.length) return t("result.noProducts");
  return fmt.table(
    [{ header: t("col.sku") }, { header: t("col.name") }, { header: t("col.onHand"), align: "right" }, { header: t("col.reserved"), align: "right" }, { header: t("col.available"), align: "right" }, { header: t("col.warehouses") }],
    items.map((i) => [i.sku, i.name ?? "", fmt.number(i.onHand), fmt.number(i.reserved), fmt.number(i.available), i.byWarehouse.map((w) => w.warehouseId).join(", ")]),
  );
}

export function renderProducts(ctx: Ctx, items: Product[]): string {
  const { t, fmt } = ctx;
  if (!items.length) return t("result.noProducts");
  return fmt.table(
    [{ header: t("col.sku") }, { header: t("col.name") }, { header: t("col.price"), align: "right" }, { header: t("col.onHand"), align: "right" }, { header: t("col.reserved"), align: "right" }, { header: t("col.available"), align: "right" }],
    items.map((p) => [p.sku, p.name, fmt.price(p.price), fmt.number(p.onHand), fmt.number(p.reserved), fmt.number(p.available)]),
  );
}

export default defineCommand({
  name: "search",
  args: "[text] ",
  summary: "cmd.search",
  options: (t) => ({ warehouse: flags.warehouse(t) }),
  async run(ctx, o) {
    const search = o.positionals.join(" ") || undefined;
    if (o.warehouse) {
      const items = await searchWarehouse(ctx, o.warehouse, search);
      return emit(ctx, items, () => renderProducts(ctx, items));
    }
    const inventory = await searchCompany(ctx, search);
    warnUnavailable(ctx, inventory.unavailableWarehouses);
    emit(ctx, inventory, () => renderCompanyItems(ctx, inventory.items));
  },
});
