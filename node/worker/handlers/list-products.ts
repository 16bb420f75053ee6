import type { Prisma } from "../generated/prisma/client.ts";
import { decodeCursor, encodeCursor } from "../../../lib/cursor.ts";
import { productDto } from "../domain/dto.ts";
import { checkPageSize, checkText } from "../domain/validate.ts";
import type { Handler } from "./types.ts";

/** Products by sku; `search` matches sku or name (case-insensitive for ASCII, as SQLite LIKE). */
export const listProducts: Handler<"listProducts"> = async (tx, args) => {
  const first = checkPageSize(args.first);
  const search = checkText(args.search, "search", 100);
  const after = decodeCursor<string>(args.after, "string");
  const where: Prisma.ProductWhereInput = {
    ...(args.includeArchived ? {} : { archived: false }),
    ...(search ? { OR: [{ sku: { contains: search } }, { name: { contains: search } }] } : {}),
    ...(after !== null ? { sku: { gt: after } } : {}),
  };
  const rows = await tx.product.findMany({ where, orderBy: { sku: "asc" }, take: first + 1 });
  const items = rows.slice(0, first).map(productDto);
  return { items, nextCursor: rows.length > first ? encodeCursor(items[items.length - 1]!.sku) : null };
};
