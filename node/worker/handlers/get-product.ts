import { productDto } from "../domain/dto.ts";
import { checkSku } from "../domain/validate.ts";
import type { Handler } from "./types.ts";

export const getProduct: Handler<"getProduct"> = async (tx, args) => {
  const row = await tx.product.findUnique({ where: { sku: checkSku(args.sku) } });
  return row ? productDto(row) : null;
};
