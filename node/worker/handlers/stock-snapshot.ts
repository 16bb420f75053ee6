import { badInput } from "../../../lib/errors.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { productDto } from "../domain/dto.ts";
import { checkDate, checkSku, checkText } from "../domain/validate.ts";
import type { Handler } from "./types.ts";

const MAX_PRODUCTS = 20_000;
const ref = { select: { id: true, sku: true, quantity: true } } as const;

/**
 * Stock and transfers in one job: the worker runs a job with nothing interleaved, so a receipt can
 * never be in the transfer lists and missing from onHand (or the reverse). The gateway counts
 * company-wide units in transit from these (see gateway/resolvers/company-stock.ts).
 */
export const stockSnapshot: Handler<"stockSnapshot"> = async (tx, args) => {
  const since = checkDate(args.receivedSince, "receivedSince");
  if (!since) throw badInput("receivedSince is required", { field: "receivedSince" });
  const sku = args.sku != null ? checkSku(args.sku) : null;
  const search = checkText(args.search, "search", 100);
  const products: Prisma.ProductWhereInput = {
    archived: false,
    ...(sku ? { sku } : {}),
    ...(search ? { OR: [{ sku: { contains: search } }, { name: { contains: search } }] } : {}),
  };
  const bySku = sku ? { sku } : {};
  const [rows, outgoing, acked, received] = [
    await tx.product.findMany({ where: products, orderBy: { sku: "asc" }, take: MAX_PRODUCTS }),
    await tx.transfer.findMany({ where: { ...bySku, direction: "OUT", status: { in: ["PENDING", "IN_TRANSIT"] } }, ...ref }),
    await tx.transfer.findMany({ where: { ...bySku, direction: "OUT", status: "RECEIVED", receivedAt: { gte: since } }, ...ref }),
    await tx.transfer.findMany({ where: { ...bySku, direction: "IN", status: "RECEIVED", receivedAt: { gte: since } }, ...ref }),
  ];
  return { products: rows.map(productDto), outgoing, acked, received };
};
