import type { GatewayContext } from "../context.ts";
import { fanOut } from "../fanout.ts";
import { RECEIPT_WINDOW_MS, addToStock, emptyStock, inTransitBySku, type CompanyStock, type MemberProduct, type MemberTransfers } from "./company-stock.ts";

export const SNAPSHOT = `query ($sku: ID, $search: String, $since: DateTime!) {
  stockSnapshot(sku: $sku, search: $search, receivedSince: $since) {
    products { sku name onHand reserved available archived }
    outgoing { id sku quantity }
    acked { id sku quantity }
    received { id sku quantity }
  }
}`;

export type Snapshot = { stockSnapshot: MemberTransfers & { products: MemberProduct[] } };

/** Every online member's stock of the sku, and the units travelling between them. */
export async function stock(_: unknown, args: { sku: string }, ctx: GatewayContext): Promise<CompanyStock> {
  const since = new Date(Date.now() - RECEIPT_WINDOW_MS).toISOString();
  const { results, unavailable } = await fanOut<Snapshot>(ctx, SNAPSHOT, { sku: args.sku, since });
  const total = emptyStock(args.sku, unavailable);
  for (const { warehouseId, data } of results) for (const product of data.stockSnapshot.products) addToStock(total, warehouseId, product);
  total.inTransit = inTransitBySku(results.map((r) => r.data.stockSnapshot)).get(args.sku) ?? 0;
  return total;
}
