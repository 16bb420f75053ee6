import { badInput, conflict, insufficientStock, notFound } from "../../../lib/errors.ts";
import type { MovementDto, MovementKind } from "../../../schema/jobs.ts";
import type { Tx } from "../db.ts";
import { sealField } from "../crypto/sealed-columns.ts";
import type { Product } from "../generated/prisma/client.ts";
import { movementDto } from "./dto.ts";
import { MAX_STOCK } from "./validate.ts";

/** The live product a write is about: unknown → NOT_FOUND, archived → CONFLICT. */
export async function activeProduct(tx: Tx, sku: string): Promise<Product> {
  const product = await tx.product.findUnique({ where: { sku } });
  if (!product) throw notFound(`No product with sku ${sku}`, { sku });
  if (product.archived) throw conflict(`Product ${sku} is archived`, { sku });
  return product;
}

export interface MovementInput {
  product: Product;
  kind: MovementKind;
  /** Signed change of onHand. */
  delta: number;
  /** Signed change of reserved made in the same step (a fulfilled reservation: -quantity). */
  reservedDelta?: number;
  reference?: string | null;
  counterparty?: string | null;
  transferId?: string | null;
  actor: string;
}

/**
 * The one place onHand changes (DESIGN.md rule 2): the product row and its Movement are written
 * together in the caller's transaction, and `0 <= reserved <= onHand` is checked before either.
 */
export async function applyMovement(tx: Tx, input: MovementInput): Promise<MovementDto> {
  const { product, delta } = input;
  const reserved = product.reserved + (input.reservedDelta ?? 0);
  const onHand = product.onHand + delta;
  if (onHand < reserved) {
    const available = product.onHand - product.reserved;
    throw insufficientStock(`Only ${available} of ${product.sku} available, ${-delta} requested`, {
      sku: product.sku,
      available,
      requested: -delta,
    });
  }
  if (onHand > MAX_STOCK) throw badInput(`Stock of ${product.sku} would exceed ${MAX_STOCK}`, { sku: product.sku });
  await tx.product.update({ where: { sku: product.sku }, data: { onHand, reserved } });
  const row = await tx.movement.create({
    data: {
      sku: product.sku,
      kind: input.kind,
      quantity: delta,
      balanceAfter: onHand,
      reference: sealField("Movement.reference", product.sku, input.reference),
      counterparty: sealField("Movement.counterparty", product.sku, input.counterparty),
      transferId: input.transferId ?? null,
      actor: input.actor,
    },
  });
  product.onHand = onHand;
  product.reserved = reserved;
  return movementDto(row);
}
