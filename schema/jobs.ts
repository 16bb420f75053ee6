/**
 * The job protocol between a node's resolvers and its db worker, typed once (graphile-worker's `Tasks`
 * map): the queue client's `call<K>()` and the worker's handler table both take their types from `Jobs`.
 * Everything here crosses a process boundary as JSON, so dates are ISO strings and prices decimal strings.
 */

export type MovementKind = "PURCHASE" | "SALE" | "TRANSFER_OUT" | "TRANSFER_IN" | "ADJUSTMENT" | "RETURN";
export type ReservationStatus = "ACTIVE" | "RELEASED" | "FULFILLED" | "EXPIRED";

export interface ProductDto {
  sku: string;
  name: string;
  description: string;
  /** Exact decimal string, e.g. "12.50". */
  price: string;
  onHand: number;
  reserved: number;
  available: number;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface MovementDto {
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

export interface ReservationDto {
  id: string;
  sku: string;
  quantity: number;
  status: ReservationStatus;
  reference: string | null;
  expiresAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface MovementSummaryDto {
  sku: string;
  kind: MovementKind;
  count: number;
  quantity: number;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Who asked: recorded on movements. */
interface Acting {
  actor?: string;
}

/** Mutations may carry a key; a repeat returns the first result and writes nothing. */
interface Idempotent extends Acting {
  idempotencyKey?: string | null;
}

export interface Jobs {
  ping: { args: Record<string, never>; result: { ok: true; pid: number } };
  getProduct: { args: { sku: string }; result: ProductDto | null };
  listProducts: {
    args: { search?: string | null; first?: number | null; after?: string | null; includeArchived?: boolean | null };
    result: Page<ProductDto>;
  };
  listMovements: {
    args: {
      sku?: string | null;
      kind?: MovementKind | null;
      from?: string | null;
      to?: string | null;
      first?: number | null;
      after?: string | null;
    };
    result: Page<MovementDto>;
  };
  movementReport: { args: { from?: string | null; to?: string | null; sku?: string | null }; result: MovementSummaryDto[] };
  listReservations: { args: { sku?: string | null; status?: ReservationStatus | null }; result: ReservationDto[] };
  createProduct: {
    args: Idempotent & {
      sku: string;
      name: string;
      description?: string | null;
      price: string;
      quantity?: number | null;
    };
    result: ProductDto;
  };
  updateProduct: {
    args: Idempotent & {
      sku: string;
      name?: string | null;
      description?: string | null;
      price?: string | null;
      quantity?: number | null;
    };
    result: ProductDto;
  };
  deleteProduct: { args: Idempotent & { sku: string }; result: ProductDto };
  reserve: {
    args: Idempotent & { sku: string; quantity: number; reference?: string | null; expiresInSeconds?: number | null };
    result: ReservationDto;
  };
  releaseReservation: { args: Idempotent & { id: string }; result: ReservationDto };
  fulfillReservation: { args: Idempotent & { id: string }; result: MovementDto };
  recordMovement: {
    args: Idempotent & {
      sku: string;
      kind: MovementKind;
      quantity: number;
      reference?: string | null;
      counterparty?: string | null;
    };
    result: MovementDto;
  };
}

export type JobName = keyof Jobs;
export type JobArgs<K extends JobName> = Jobs[K]["args"];
export type JobResult<K extends JobName> = Jobs[K]["result"];
