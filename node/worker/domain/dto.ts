import type {
  MovementDto, MovementKind, ProductDto, ReservationDto, ReservationStatus, TransferDirection, TransferDto, TransferOffer, TransferStatus,
} from "../../../schema/jobs.ts";
import type { Movement, Product, Reservation, Transfer } from "../generated/prisma/client.ts";
import { openField } from "../crypto/sealed-columns.ts";
import { formatPrice } from "./money.ts";

/** Database rows → the JSON shapes of schema/jobs.ts. Sensitive columns are decrypted here, so nothing past the worker sees ciphertext. */
export function productDto(row: Product): ProductDto {
  return {
    sku: row.sku,
    name: row.name,
    description: row.description,
    price: formatPrice(row.priceCents),
    onHand: row.onHand,
    reserved: row.reserved,
    available: row.onHand - row.reserved,
    archived: row.archived,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function movementDto(row: Movement): MovementDto {
  return {
    id: String(row.id),
    sku: row.sku,
    kind: row.kind as MovementKind,
    quantity: row.quantity,
    balanceAfter: row.balanceAfter,
    reference: openField("Movement.reference", row.sku, row.reference),
    counterparty: openField("Movement.counterparty", row.sku, row.counterparty),
    transferId: row.transferId,
    occurredAt: row.occurredAt.toISOString(),
    actor: row.actor,
  };
}

export function reservationDto(row: Reservation): ReservationDto {
  return {
    id: row.id,
    sku: row.sku,
    quantity: row.quantity,
    status: row.status as ReservationStatus,
    reference: openField("Reservation.reference", row.sku, row.reference),
    expiresAt: row.expiresAt ? row.expiresAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function transferDto(row: Transfer): TransferDto {
  return {
    id: row.id,
    sku: row.sku,
    quantity: row.quantity,
    from: row.fromId,
    to: row.toId,
    direction: row.direction as TransferDirection,
    status: row.status as TransferStatus,
    reference: openField("Transfer.reference", row.sku, row.reference),
    attempts: row.attempts,
    lastError: row.lastError,
    nextAttemptAt: row.nextAttemptAt ? row.nextAttemptAt.toISOString() : null,
    receivedAt: row.receivedAt ? row.receivedAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function transferOffer(row: Transfer): TransferOffer {
  return {
    id: row.id,
    sku: row.sku,
    quantity: row.quantity,
    from: row.fromId,
    to: row.toId,
    name: row.name,
    description: row.description,
    price: formatPrice(row.priceCents),
    reference: openField("Transfer.reference", row.sku, row.reference),
  };
}
