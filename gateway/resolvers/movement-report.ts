import { createGraphQLError } from "@graphql-tools/utils";
import type { GatewayContext } from "../context.ts";
import { fanOut } from "../fanout.ts";

const QUERY = `query ($from: DateTime, $to: DateTime, $sku: ID) { movementReport(from: $from, to: $to, sku: $sku) { sku kind count quantity } }`;

type Row = { sku: string; kind: string; count: number; quantity: number };

/** Each warehouse's report over the same period, side by side, sorted by warehouse, sku and kind. */
export async function movementReport(
  _: unknown,
  args: { from?: string | null; to?: string | null; sku?: string | null; warehouseId?: string | null },
  ctx: GatewayContext,
) {
  if (args.warehouseId && !ctx.registry.get(args.warehouseId))
    throw createGraphQLError(`No warehouse with id ${args.warehouseId}`, { extensions: { code: "NOT_FOUND", warehouseId: args.warehouseId } });
  const { results, unavailable } = await fanOut<{ movementReport: Row[] }>(
    ctx,
    QUERY,
    { from: args.from, to: args.to, sku: args.sku },
    args.warehouseId ? { only: [args.warehouseId] } : {},
  );
  const items = results
    .flatMap(({ warehouseId, data }) => data.movementReport.map((row) => ({ warehouseId, ...row })))
    .sort((a, b) => a.warehouseId.localeCompare(b.warehouseId) || a.sku.localeCompare(b.sku) || a.kind.localeCompare(b.kind));
  return { items, unavailableWarehouses: unavailable };
}
