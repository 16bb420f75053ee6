import { badInput } from "../../../lib/errors.ts";
import type { MovementKind, ReservationStatus } from "../../../schema/jobs.ts";

/** Larger counts are typing mistakes, not stock: refused as BAD_USER_INPUT. */
export const MAX_QUANTITY = 1_000_000_000;
/** onHand must stay a 32-bit integer with room to spare. */
export const MAX_STOCK = 2_000_000_000;
export const MOVEMENT_KINDS: readonly MovementKind[] = ["PURCHASE", "SALE", "TRANSFER_OUT", "TRANSFER_IN", "ADJUSTMENT", "RETURN"];
export const RESERVATION_STATUSES: readonly ReservationStatus[] = ["ACTIVE", "RELEASED", "FULFILLED", "EXPIRED"];

const SKU_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._\-/]{0,63}$/;

export function checkSku(value: unknown, field = "sku"): string {
  const sku = typeof value === "string" ? value.trim() : "";
  if (!sku) throw badInput(`${field} must not be empty`, { field });
  if (!SKU_PATTERN.test(sku))
    throw badInput(`${field} "${sku.slice(0, 80)}" must be 1-64 letters, digits or . _ - / and start with a letter or digit`, { field });
  return sku;
}

function checkInteger(value: unknown, field: string): number {
  if (typeof value !== "number" || !Number.isInteger(value)) throw badInput(`${field} must be a whole number`, { field });
  return value;
}

/** A count of units moved or held: 1 to MAX_QUANTITY. */
export function checkPositiveQuantity(value: unknown, field = "quantity"): number {
  const n = checkInteger(value, field);
  if (n <= 0) throw badInput(`${field} must be positive, got ${n}`, { field });
  if (n > MAX_QUANTITY) throw badInput(`${field} ${n} is more than the allowed ${MAX_QUANTITY}`, { field });
  return n;
}

/** A stock level typed by a person: 0 to MAX_QUANTITY. */
export function checkStockLevel(value: unknown, field = "quantity"): number {
  const n = checkInteger(value, field);
  if (n < 0) throw badInput(`${field} must not be negative, got ${n}`, { field });
  if (n > MAX_QUANTITY) throw badInput(`${field} ${n} is more than the allowed ${MAX_QUANTITY}`, { field });
  return n;
}

/** An ADJUSTMENT delta: signed, non-zero. */
export function checkDelta(value: unknown, field = "quantity"): number {
  const n = checkInteger(value, field);
  if (n === 0) throw badInput(`${field} of an ADJUSTMENT must not be zero`, { field });
  if (Math.abs(n) > MAX_QUANTITY) throw badInput(`${field} ${n} is beyond the allowed ±${MAX_QUANTITY}`, { field });
  return n;
}

export function checkText(value: unknown, field: string, max: number, options: { required?: boolean } = {}): string | null {
  if (value === undefined || value === null) {
    if (options.required) throw badInput(`${field} is required`, { field });
    return null;
  }
  if (typeof value !== "string") throw badInput(`${field} must be text`, { field });
  const text = value.trim();
  if (options.required && !text) throw badInput(`${field} must not be empty`, { field });
  if (text.length > max) throw badInput(`${field} is longer than ${max} characters`, { field });
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text)) throw badInput(`${field} contains control characters`, { field });
  return text;
}

export function checkKind(value: unknown): MovementKind {
  if (!MOVEMENT_KINDS.includes(value as MovementKind))
    throw badInput(`kind must be one of ${MOVEMENT_KINDS.join(", ")}`, { field: "kind" });
  return value as MovementKind;
}

export function checkStatus(value: unknown): ReservationStatus {
  if (!RESERVATION_STATUSES.includes(value as ReservationStatus))
    throw badInput(`status must be one of ${RESERVATION_STATUSES.join(", ")}`, { field: "status" });
  return value as ReservationStatus;
}

export function checkDate(value: unknown, field: string): Date | null {
  if (value === undefined || value === null) return null;
  const date = typeof value === "string" ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) throw badInput(`${field} must be an ISO 8601 date-time`, { field });
  return date;
}

export function checkPageSize(value: unknown, fallback = 50, max = 500): number {
  if (value === undefined || value === null) return fallback;
  const n = checkInteger(value, "first");
  if (n < 1 || n > max) throw badInput(`first must be from 1 to ${max}, got ${n}`, { field: "first" });
  return n;
}

/** A reservation lease: 1 second to 1 year. */
export function checkExpiry(value: unknown): number | null {
  if (value === undefined || value === null) return null;
  const n = checkInteger(value, "expiresInSeconds");
  if (n < 1 || n > 366 * 24 * 3600) throw badInput(`expiresInSeconds must be from 1 to ${366 * 24 * 3600}`, { field: "expiresInSeconds" });
  return n;
}

const WAREHOUSE_ID = /^[a-z0-9][a-z0-9-]{0,31}$/;

export function checkWarehouseId(value: unknown, field: string): string {
  if (typeof value !== "string" || !WAREHOUSE_ID.test(value))
    throw badInput(`${field} must be a warehouse id (1-32 lowercase letters, digits or dashes)`, { field });
  return value;
}

/** Transfer ids are made by the source (UUIDs); anything reasonable is accepted from peers. */
export function checkTransferId(value: unknown, field = "id"): string {
  if (typeof value !== "string" || !/^[A-Za-z0-9-]{1,100}$/.test(value)) throw badInput(`${field} is not a transfer id`, { field });
  return value;
}
