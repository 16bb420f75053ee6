import type { GatewayContext } from "../context.ts";
import { fanOut } from "../fanout.ts";
import { addToStock, emptyStock, type CompanyStock, type MemberProduct } from "./company-stock.ts";

const QUERY = `query ($sku: ID!) { product(sku: $sku) { sku name onHand reserved available archived } }`;

export async function stock(_: unknown, args: { sku: string }, ctx: GatewayContext): Promise<CompanyStock> {
  const { results, unavailable } = await fanOut<{ product: MemberProduct | null }>(ctx, QUERY, { sku: args.sku });
  const total = emptyStock(args.sku, unavailable);
  for (const { warehouseId, data } of results) if (data.product) addToStock(total, warehouseId, data.product);
  return total;
}
