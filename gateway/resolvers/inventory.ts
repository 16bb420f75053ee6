import type { GatewayContext } from "../context.ts";
import { fanOut } from "../fanout.ts";
import { addToStock, emptyStock, type CompanyStock, type MemberProduct } from "./company-stock.ts";

const QUERY = `query ($search: String, $after: String) {
  products(search: $search, first: 500, after: $after) { items { sku name onHand reserved available archived } nextCursor }
}`;
/** 20 pages of 500: a member with more products than this is summarised by its first 10,000 skus. */
const MAX_PAGES = 20;

type Page = { products: { items: MemberProduct[]; nextCursor: string | null } };

export async function inventory(_: unknown, args: { search?: string | null }, ctx: GatewayContext) {
  const bySku = new Map<string, CompanyStock>();
  const first = await fanOut<Page>(ctx, QUERY, { search: args.search ?? null, after: null });
  const unavailable = new Set(first.unavailable);
  const add = (warehouseId: string, page: Page) => {
    for (const product of page.products.items) {
      let entry = bySku.get(product.sku);
      if (!entry) bySku.set(product.sku, (entry = emptyStock(product.sku, [])));
      addToStock(entry, warehouseId, product);
    }
  };
  for (const { warehouseId, data } of first.results) {
    add(warehouseId, data);
    let cursor = data.products.nextCursor;
    for (let page = 1; cursor && page < MAX_PAGES; page++) {
      const next = await fanOut<Page>(ctx, QUERY, { search: args.search ?? null, after: cursor }, { only: [warehouseId] });
      if (!next.results.length) {
        unavailable.add(warehouseId);
        break;
      }
      add(warehouseId, next.results[0]!.data);
      cursor = next.results[0]!.data.products.nextCursor;
    }
  }
  const unavailableWarehouses = [...unavailable].sort();
  const items = [...bySku.values()].sort((a, b) => a.sku.localeCompare(b.sku)).map((item) => ({ ...item, unavailableWarehouses }));
  return { items, unavailableWarehouses };
}
