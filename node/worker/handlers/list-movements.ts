import type { Prisma } from "../generated/prisma/client.ts";
import { decodeCursor, encodeCursor } from "../../../lib/cursor.ts";
import { movementDto } from "../domain/dto.ts";
import { checkDate, checkKind, checkPageSize, checkSku } from "../domain/validate.ts";
import type { Handler } from "./types.ts";

/** The ledger newest first; ids grow with time because one worker writes them in order. */
export const listMovements: Handler<"listMovements"> = async (tx, args) => {
  const first = checkPageSize(args.first);
  const after = decodeCursor<number>(args.after, "number");
  const from = checkDate(args.from, "from");
  const to = checkDate(args.to, "to");
  const where: Prisma.MovementWhereInput = {
    ...(args.sku != null ? { sku: checkSku(args.sku) } : {}),
    ...(args.kind != null ? { kind: checkKind(args.kind) } : {}),
    ...(from || to ? { occurredAt: { ...(from ? { gte: from } : {}), ...(to ? { lt: to } : {}) } } : {}),
    ...(after !== null ? { id: { lt: after } } : {}),
  };
  const rows = await tx.movement.findMany({ where, orderBy: { id: "desc" }, take: first + 1 });
  const items = rows.slice(0, first).map(movementDto);
  return { items, nextCursor: rows.length > first ? encodeCursor(Number(items[items.length - 1]!.id)) : null };
};
