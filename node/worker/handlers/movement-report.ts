import type { MovementKind } from "../../../schema/jobs.ts";
import { badInput } from "../../../lib/errors.ts";
import { checkDate, checkSku } from "../domain/validate.ts";
import type { Handler } from "./types.ts";

/** Count and signed total per sku and kind over [from, to). */
export const movementReport: Handler<"movementReport"> = async (tx, args) => {
  const from = checkDate(args.from, "from");
  const to = checkDate(args.to, "to");
  if (from && to && from > to) throw badInput("from must not be after to", { field: "from" });
  const groups = await tx.movement.groupBy({
    by: ["sku", "kind"],
    where: {
      ...(args.sku != null ? { sku: checkSku(args.sku) } : {}),
      ...(from || to ? { occurredAt: { ...(from ? { gte: from } : {}), ...(to ? { lt: to } : {}) } } : {}),
    },
    _count: { _all: true },
    _sum: { quantity: true },
    orderBy: [{ sku: "asc" }, { kind: "asc" }],
  });
  return groups.map((g) => ({
    sku: g.sku,
    kind: g.kind as MovementKind,
    count: g._count._all,
    quantity: g._sum.quantity ?? 0,
  }));
};
