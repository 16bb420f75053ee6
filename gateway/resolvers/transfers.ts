import type { GatewayContext } from "../context.ts";
import { fanOut } from "../fanout.ts";

const QUERY = `query ($status: [TransferStatus!], $sku: ID) {
  transfers(status: $status, sku: $sku, direction: OUT) {
    id sku quantity from to direction status reference attempts lastError nextAttemptAt createdAt updatedAt
  }
}`;

type MemberTransfer = { from: string; to: string; createdAt: string; id: string };

/** Every transfer as its source knows it (the source's outbox is the authority), newest first. */
export async function transfers(_: unknown, args: { status?: string[] | null; warehouseId?: string | null; sku?: string | null }, ctx: GatewayContext) {
  const { results, unavailable } = await fanOut<{ transfers: MemberTransfer[] }>(ctx, QUERY, { status: args.status ?? null, sku: args.sku ?? null });
  const items = results
    .flatMap((r) => r.data.transfers)
    .filter((t) => !args.warehouseId || t.from === args.warehouseId || t.to === args.warehouseId)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id));
  return { items, unavailableWarehouses: unavailable };
}
