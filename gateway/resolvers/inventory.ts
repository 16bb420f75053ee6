import type { GatewayContext } from "../context.ts";
import { fanOut } from "../fanout.ts";
import { ACK_WINDOW_MS, addToStock, emptyStock, inTransitBySku, type CompanyStock, type MemberProduct, type MemberTransfers } from "./company-stock.ts";

const QUERY = `query ($search: String, $after: String) {
  products(search: $search, first: 500, after: $after) { items { sku name onHand reserved available archived } nextCursor }
}`;
const TRANSFERS = `query ($since: DateTime) {
  outgoing: transfers(direction: OUT, status: [PENDING, IN_TRANSIT]) { id sku quantity }
  received: transfers(direction: IN, status: [RECEIVED], updatedSince: $since) { id }
}`;
/** 20 pages of 500: a member with more products than this is summarised by its first 10,000 skus. */
const MAX_PAGES = 20;

type Page = { products: { items: MemberProduct[]; nextCursor: string | null } };

export async function inventory(_: unknown, args: { search?: string | null }, ctx: GatewayContext) {
  const bySku = new Map<string, CompanyStock>();
  const since = new Date(Date.now() - ACK_WINDOW_MS).toISOString();
  const [first, transfers] = await Promise.all([
    fanOut<Page>(ctx, QUERY, { search: args.search ?? null, after: null }),
    fanOut<MemberTransfers>(ctx, TRANSFERS, { since }),
  ]);
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
  for (const warehouseId of transfers.unavailable) unavailable.add(warehouseId);
  const inTransit = inTransitBySku(transfers.results.map((r) => r.data));
  for (const [sku, entry] of bySku) entry.inTransit = inTransit.get(sku) ?? 0;
  const unavailableWarehouses = [...unavailable].sort();
  const items = [...bySku.values()].sort((a, b) => a.sku.localeCompare(b.sku)).map((item) => ({ ...item, unavailableWarehouses }));
  return { items, unavailableWarehouses };
}
