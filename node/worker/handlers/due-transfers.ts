import { transferOffer } from "../domain/dto.ts";
import type { Handler } from "./types.ts";

/** The outbox: outgoing transfers not yet acknowledged whose next attempt is due, oldest first. */
export const dueTransfers: Handler<"dueTransfers"> = async (tx, args, ctx) => {
  const rows = await tx.transfer.findMany({
    where: {
      direction: "OUT",
      status: { in: ["PENDING", "IN_TRANSIT"] },
      nextAttemptAt: { lte: ctx.now },
      ...(args.exclude.length ? { id: { notIn: args.exclude } } : {}),
    },
    orderBy: { nextAttemptAt: "asc" },
    take: Math.min(Math.max(args.limit, 1), 100),
  });
  return rows.map((row) => ({ offer: transferOffer(row), attempts: row.attempts }));
};
