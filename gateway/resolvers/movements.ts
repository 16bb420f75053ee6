import { createGraphQLError } from "@graphql-tools/utils";
import { principalOf } from "../../lib/auth/use-auth.ts";
import type { GatewayContext } from "../context.ts";
import { fanOut } from "../fanout.ts";

const QUERY = `query ($sku: ID, $kind: MovementKind, $from: DateTime, $to: DateTime, $first: Int, $after: String) {
  movements(sku: $sku, kind: $kind, from: $from, to: $to, first: $first, after: $after) {
    items { id sku kind quantity balanceAfter reference counterparty transferId occurredAt actor cursor }
    nextCursor
  }
}`;

interface Args {
  warehouseId?: string | null;
  sku?: string | null;
  kind?: string | null;
  from?: string | null;
  to?: string | null;
  first?: number | null;
  after?: string | null;
}

type MemberMovement = { id: string; occurredAt: string; cursor: string };
type MemberPage = { movements: { items: MemberMovement[]; nextCursor: string | null } };
/** Per warehouse: where its ledger continues ("" = from its newest), or null once it is exhausted. */
type Positions = Record<string, string | null>;

const badInput = (message: string, field: string) => createGraphQLError(message, { extensions: { code: "BAD_USER_INPUT", field } });

function readPositions(after: string): Positions {
  try {
    const positions = JSON.parse(Buffer.from(after, "base64url").toString("utf8")) as unknown;
    if (positions && typeof positions === "object" && Object.values(positions).every((v) => v === null || typeof v === "string")) return positions as Positions;
  } catch {
    // fall through
  }
  throw badInput("after is not a cursor this gateway gave out", "after");
}

/**
 * Each warehouse's next `first` movements, merged newest first: the merged top `first` is exact,
 * and the cursor remembers where each warehouse's ledger continues.
 */
export async function movements(_: unknown, args: Args, ctx: GatewayContext) {
  const first = args.first ?? 50;
  if (!Number.isInteger(first) || first < 1 || first > 500) throw badInput(`first must be from 1 to 500, got ${first}`, "first");
  if (args.warehouseId && !ctx.registry.get(args.warehouseId))
    throw createGraphQLError(`No warehouse with id ${args.warehouseId}`, { extensions: { code: "NOT_FOUND", warehouseId: args.warehouseId } });
  const allowed = principalOf(ctx)?.warehouses ?? null;
  const known = ctx.registry
    .list()
    .map((m) => m.id)
    .filter((id) => (!args.warehouseId || id === args.warehouseId) && (!allowed || allowed.includes(id)));
  const positions: Positions = args.after ? readPositions(args.after) : Object.fromEntries(known.map((id) => [id, ""]));
  const asked = Object.keys(positions).filter((id) => positions[id] !== null && known.includes(id));
  const filters = { sku: args.sku, kind: args.kind, from: args.from, to: args.to, first };
  const answers = await Promise.all(asked.map((id) => fanOut<MemberPage>(ctx, QUERY, { ...filters, after: positions[id] || null }, { only: [id] })));
  const unavailable = [...new Set(answers.flatMap((a) => a.unavailable))].sort();

  const pages = answers.flatMap((a) => a.results);
  const merged = pages
    .flatMap(({ warehouseId, data }) => data.movements.items.map((m) => ({ ...m, warehouseId })))
    .sort((a, b) => b.occurredAt.localeCompare(a.occurredAt) || a.warehouseId.localeCompare(b.warehouseId) || Number(b.id) - Number(a.id));
  const items = merged.slice(0, first);

  const next: Positions = { ...positions };
  for (const { warehouseId, data } of pages) {
    const taken = items.filter((m) => m.warehouseId === warehouseId);
    const all = taken.length === data.movements.items.length;
    if (all && data.movements.nextCursor === null) next[warehouseId] = null;
    else if (taken.length) next[warehouseId] = taken[taken.length - 1]!.cursor;
  }
  const more = Object.values(next).some((p) => p !== null);
  return {
    items: items.map(({ cursor: _cursor, ...movement }) => movement),
    nextCursor: more ? Buffer.from(JSON.stringify(next)).toString("base64url") : null,
    unavailableWarehouses: unavailable,
  };
}
