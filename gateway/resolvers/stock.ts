import type { GatewayContext } from "../context.ts";
import { fanOut } from "../fanout.ts";
import { ACK_WINDOW_MS, addToStock, emptyStock, inTransitBySku, type CompanyStock, type MemberProduct, type MemberTransfers } from "./company-stock.ts";

const QUERY = `query ($sku: ID!, $since: DateTime) {
  product(sku: $sku) { sku name onHand reserved available archived }
  outgoing: transfers(sku: $sku, direction: OUT, status: [PENDING, IN_TRANSIT]) { id sku quantity }
  received: transfers(sku: $sku, direction: IN, status: [RECEIVED], updatedSince: $since) { id }
}`;

export async function stock(_: unknown, args: { sku: string }, ctx: GatewayContext): Promise<CompanyStock> {
  const since = new Date(Date.now() - ACK_WINDOW_MS).toISOString();
  const { results, unavailable } = await fanOut<{ product: MemberProduct | null } & MemberTransfers>(ctx, QUERY, { sku: args.sku, since });
  const total = emptyStock(args.sku, unavailable);
  for (const { warehouseId, data } of results) if (data.product) addToStock(total, warehouseId, data.product);
  total.inTransit = inTransitBySku(results.map((r) => r.data)).get(args.sku) ?? 0;
  return total;
}
