import type { GatewayContext } from "../context.ts";
import { fanOut } from "../fanout.ts";
import { RECEIPT_WINDOW_MS, addToStock, emptyStock, inTransitBySku, type CompanyStock } from "./company-stock.ts";
import { SNAPSHOT, type Snapshot } from "./stock.ts";

/** Every live sku of the online members (matching `search`), with the units travelling between them. */
export async function inventory(_: unknown, args: { search?: string | null }, ctx: GatewayContext) {
  const since = new Date(Date.now() - RECEIPT_WINDOW_MS).toISOString();
  const { results, unavailable } = await fanOut<Snapshot>(ctx, SNAPSHOT, { search: args.search ?? null, since });
  const bySku = new Map<string, CompanyStock>();
  for (const { warehouseId, data } of results)
    for (const product of data.stockSnapshot.products) {
      let entry = bySku.get(product.sku);
      if (!entry) bySku.set(product.sku, (entry = emptyStock(product.sku, unavailable)));
      addToStock(entry, warehouseId, product);
    }
  const inTransit = inTransitBySku(results.map((r) => r.data.stockSnapshot));
  for (const [sku, entry] of bySku) entry.inTransit = inTransit.get(sku) ?? 0;
  const items = [...bySku.values()].sort((a, b) => a.sku.localeCompare(b.sku));
  return { items, unavailableWarehouses: unavailable };
}
