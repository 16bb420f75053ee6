import { conflict, notFound } from "../../../lib/errors.ts";
import { productDto } from "../domain/dto.ts";
import { checkSku } from "../domain/validate.ts";
import type { Handler } from "./types.ts";

/** Archives: the product leaves listings but its movements stay reportable. */
export const deleteProduct: Handler<"deleteProduct"> = async (tx, args) => {
  const sku = checkSku(args.sku);
  const product = await tx.product.findUnique({ where: { sku } });
  if (!product) throw notFound(`No product with sku ${sku}`, { sku });
  if (product.archived) throw conflict(`Product ${sku} is already archived`, { sku });
  const active = await tx.reservation.count({ where: { sku, status: "ACTIVE" } });
  if (active > 0)
    throw conflict(`Product ${sku} has ${active} active reservation(s); release or fulfil them first`, { sku, activeReservations: active });
  return productDto(await tx.product.update({ where: { sku }, data: { archived: true } }));
};
