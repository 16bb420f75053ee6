import { createGraphQLError } from "@graphql-tools/utils";
import type { GatewayContext } from "../context.ts";
import { fanOut } from "../fanout.ts";

const QUERY = `query ($sku: ID, $kind: MovementKind, $from: DateTime, $to: DateTime, $first: Int) {
  movements(sku: $sku, kind: $kind, from: $from, to: $to, first: $first) {
    items { id sku kind quantity balanceAfter reference counterparty transferId occurredAt actor }
  }
}`;

interface Args {
  warehouseId?: string | null;
  sku?: string | null;
  kind?: string | null;
  from?: string | null;
  to?: string | null;
  first?: number | null;
}

type MemberMovement = { id: string; occurredAt: string };

/** Each warehouse's newest `first` movements, merged newest first: the merged top `first` is exact. */
export async function movements(_: unknown, args: Args, ctx: GatewayContext) {
  const first = args.first ?? 50;
  if (!Number.isInteger(first) || first < 1 || first > 500)
    throw createGraphQLError(`first must be from 1 to 500, got ${first}`, { extensions: { code: "BAD_USER_INPUT", field: "first" } });
  if (args.warehouseId && !ctx.registry.get(args.warehouseId))
    throw createGraphQLError(`No warehouse with id ${args.warehouseId}`, { extensions: { code: "NOT_FOUND", warehouseId: args.warehouseId } });
  const { results, unavailable } = await fanOut<{ movements: { items: MemberMovement[] } }>(
    ctx,
    QUERY,
    { sku: args.sku, kind: args.kind, from: args.from, to: args.to, first },
    args.warehouseId ? { only: [args.warehouseId] } : {},
  );
  const items = results
    .flatMap(({ warehouseId, data }) => data.movements.items.map((m) => ({ ...m, warehouseId })))
    .sort((a, b) => b.occurredAt.localeCompare(a.occurredAt) || a.warehouseId.localeCompare(b.warehouseId) || Number(b.id) - Number(a.id))
    .slice(0, first);
  return { items, unavailableWarehouses: unavailable };
}
