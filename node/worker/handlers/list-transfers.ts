import { badInput } from "../../../lib/errors.ts";
import type { TransferStatus } from "../../../schema/jobs.ts";
import { transferDto } from "../domain/dto.ts";
import { checkDate, checkSku } from "../domain/validate.ts";
import type { Handler } from "./types.ts";

const STATUSES: TransferStatus[] = ["PENDING", "IN_TRANSIT", "RECEIVED", "CANCELLED", "FAILED"];
const MAX_LISTED = 1000;

export const listTransfers: Handler<"listTransfers"> = async (tx, args) => {
  const statuses = args.status ?? null;
  if (statuses && statuses.some((s) => !STATUSES.includes(s))) throw badInput(`status must be among ${STATUSES.join(", ")}`, { field: "status" });
  if (args.direction != null && args.direction !== "IN" && args.direction !== "OUT") throw badInput("direction must be IN or OUT", { field: "direction" });
  const since = checkDate(args.updatedSince, "updatedSince");
  const receivedSince = checkDate(args.receivedSince, "receivedSince");
  const rows = await tx.transfer.findMany({
    where: {
      ...(statuses?.length ? { status: { in: statuses } } : {}),
      ...(args.direction != null ? { direction: args.direction } : {}),
      ...(args.sku != null ? { sku: checkSku(args.sku) } : {}),
      ...(since ? { updatedAt: { gte: since } } : {}),
      ...(receivedSince ? { receivedAt: { gte: receivedSince } } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: MAX_LISTED,
  });
  return rows.map(transferDto);
};
