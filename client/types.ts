import type { MovementDto, MovementSummaryDto, ProductDto, ReservationDto, TransferDto } from "../schema/jobs.ts";

/**
 * The shapes the client's operations select (schema/operations/*.graphql), as JSON. The node's own
 * types are the job protocol's (schema/jobs.ts): the operations select all of their fields.
 */
export type Product = ProductDto;
export type Reservation = ReservationDto;
export type Movement = MovementDto;
export type MovementSummary = MovementSummaryDto;
export type Transfer = TransferDto;

export interface WarehouseInfo {
  id: string;
  name: string;
  url: string;
  online: boolean;
  lastSeen: string | null;
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
  /** Units between warehouses (`stock` only; company-wide onHand + inTransit is conserved). */
  inTransit?: number;
  byWarehouse: WarehouseStock[];
  unavailableWarehouses: string[];
}

export const MOVEMENT_KINDS = ["PURCHASE", "SALE", "TRANSFER_OUT", "TRANSFER_IN", "ADJUSTMENT", "RETURN"] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

export type CompanyMovement = Movement & { warehouseId: string };

export const TRANSFER_STATUSES = ["PENDING", "IN_TRANSIT", "RECEIVED", "CANCELLED", "FAILED"] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];
/** A transfer in one of these will not change any more. */
export const FINAL_TRANSFER_STATUSES: readonly TransferStatus[] = ["RECEIVED", "CANCELLED", "FAILED"];
