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

export type TransferStatus = "PENDING" | "IN_TRANSIT" | "RECEIVED" | "CANCELLED" | "FAILED";
export type TransferDirection = "OUT" | "IN";

export interface TransferDto {
  id: string;
  sku: string;
  quantity: number;
  from: string;
  to: string;
  direction: TransferDirection;
  status: TransferStatus;
  reference: string | null;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  /** When the destination applied it, by the destination's clock. */
  receivedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface TransferRef {
  id: string;
  sku: string;
  quantity: number;
}

/** What the source sends the destination (POST /api/transfers): enough to create the product there. */
export interface TransferOffer {
  id: string;
  sku: string;
  quantity: number;
  from: string;
  to: string;
  name: string;
  description: string;
  price: string;
  reference: string | null;
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

export interface Jobs {
  transferStock: {
    args: Idempotent & { sku: string; quantity: number; to: string; reference?: string | null };
    result: TransferDto;
  };
  listTransfers: {
    args: {
      status?: TransferStatus[] | null;
      direction?: TransferDirection | null;
      sku?: string | null;
      updatedSince?: string | null;
      receivedSince?: string | null;
    };
    result: TransferDto[];
  };
  getTransfer: { args: { id: string }; result: TransferDto | null };
  /** The gateway's company-wide counts: stock and transfers read in one job, so they agree. */
  stockSnapshot: {
    args: { sku?: string | null; search?: string | null; receivedSince: string };
    result: { products: ProductDto[]; outgoing: TransferRef[]; acked: TransferRef[]; received: TransferRef[] };
  };
  /** Source side: outgoing transfers whose next delivery attempt is due. */
  dueTransfers: { args: { limit: number; exclude: string[] }; result: { offer: TransferOffer; attempts: number }[] };
  /** Source side: the destination acknowledged; idempotent. */
  transferDelivered: { args: { id: string; receivedAt?: string | null }; result: TransferDto };
  /** Source side: an attempt failed for a passing reason; try again later. */
  transferAttemptFailed: { args: { id: string; error: string; retryInMs: number }; result: TransferDto };
  /** Source side: cancelled, or refused for good: the units come back with a compensating movement; idempotent. */
  transferReturned: { args: Idempotent & { id: string; status: "CANCELLED" | "FAILED"; reason: string }; result: TransferDto };
  /** Destination side: applies a TRANSFER_IN once per transfer id. */
  receiveTransfer: { args: TransferOffer; result: TransferDto };
  /** Destination side: promises never to apply this transfer id (the source is cancelling it). */
  refuseTransfer: { args: TransferOffer; result: TransferDto };
}

export interface Jobs {
  /**
   * Rewrites up to `limit` stored sensitive values of one table that are not under the current data key
   * (older keys, or plaintext from before encryption), starting after `after`. The worker queues it
   * itself after start-up and after a key change, following `next` until it is null.
   */
  reencryptData: {
    args: { table?: string | null; after?: string | null; limit?: number | null };
    result: { kid: string; rewritten: number; plaintext: number; unreadable: number; next: { table: string; after: string | null } | null };
  };
}

export type JobName = keyof Jobs;
export type JobArgs<K extends JobName> = Jobs[K]["args"];
export type JobResult<K extends JobName> = Jobs[K]["result"];
