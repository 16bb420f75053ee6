/** The shapes the client's operations select (schema/operations/*.graphql), as JSON. */
export interface WarehouseInfo {
  id: string;
  name: string;
  url: string;
  online: boolean;
  lastSeen: string | null;
}

export interface Product {
  sku: string;
  name: string;
  description: string;
  /** A decimal string, e.g. "12.50": never a float. */
  price: string;
  onHand: number;
  reserved: number;
  available: number;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface WarehouseStock {
  warehouseId: string;
  onHand: number;
  reserved: number;
  available: number;
}

export interface CompanyStock {
  sku: string;
  name: string | null;
  onHand: number;
  reserved: number;
  available: number;
  byWarehouse: WarehouseStock[];
  unavailableWarehouses: string[];
}

export interface Reservation {
  id: string;
  sku: string;
  quantity: number;
  status: "ACTIVE" | "RELEASED" | "FULFILLED" | "EXPIRED";
  reference: string | null;
  expiresAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export const MOVEMENT_KINDS = ["PURCHASE", "SALE", "TRANSFER_OUT", "TRANSFER_IN", "ADJUSTMENT", "RETURN"] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

export interface Movement {
  id: string;
  sku: string;
  kind: MovementKind;
  quantity: number;
  balanceAfter: number;
  reference: string | null;
  counterparty: string | null;
  transferId: string | null;
  occurredAt: string;
  actor: string;
}

export type CompanyMovement = Movement & { warehouseId: string };

export interface MovementSummary {
  sku: string;
  kind: MovementKind;
  count: number;
  quantity: number;
}

export const TRANSFER_STATUSES = ["PENDING", "IN_TRANSIT", "RECEIVED", "CANCELLED", "FAILED"] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];
/** A transfer in one of these will not change any more. */
export const FINAL_TRANSFER_STATUSES: readonly TransferStatus[] = ["RECEIVED", "CANCELLED", "FAILED"];

export interface Transfer {
  id: string;
  sku: string;
  quantity: number;
  from: string;
  to: string;
  direction: "OUT" | "IN";
  status: TransferStatus;
  reference: string | null;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  createdAt: string;
  updatedAt: string;
}
