import { createProduct } from "./create-product.ts";
import { deleteProduct } from "./delete-product.ts";
import { fulfillReservation } from "./fulfill-reservation.ts";
import { getProduct } from "./get-product.ts";
import { listMovements } from "./list-movements.ts";
import { listProducts } from "./list-products.ts";
import { listReservations } from "./list-reservations.ts";
import { movementReport } from "./movement-report.ts";
import { ping } from "./ping.ts";
import { recordMovement } from "./record-movement.ts";
import { releaseReservation } from "./release-reservation.ts";
import { reserve } from "./reserve.ts";
import type { HandlerTable } from "./types.ts";
import { dueTransfers } from "./due-transfers.ts";
import { getTransfer } from "./get-transfer.ts";
import { listTransfers } from "./list-transfers.ts";
import { receiveTransfer } from "./receive-transfer.ts";
import { reencryptData } from "./reencrypt-data.ts";
import { refuseTransfer } from "./refuse-transfer.ts";
import { transferAttemptFailed } from "./transfer-attempt-failed.ts";
import { transferDelivered } from "./transfer-delivered.ts";
import { transferReturned } from "./transfer-returned.ts";
import { transferStock } from "./transfer-stock.ts";
import { stockSnapshot } from "./stock-snapshot.ts";
import { updateProduct } from "./update-product.ts";

/** Every job the worker runs, keyed by name (the keys are checked against schema/jobs.ts). */
export const handlers: HandlerTable = {
  ping,
  getProduct,
  listProducts,
  listMovements,
  movementReport,
  listReservations,
  createProduct,
  updateProduct,
  deleteProduct,
  reserve,
  releaseReservation,
  fulfillReservation,
  recordMovement,
  transferStock,
  listTransfers,
  getTransfer,
  stockSnapshot,
  dueTransfers,
  transferDelivered,
  transferAttemptFailed,
  transferReturned,
  receiveTransfer,
  refuseTransfer,
  reencryptData,
};

/** Jobs that write: they accept an idempotency key and record who acted. */
export const WRITE_JOBS = new Set<keyof HandlerTable>([
  "createProduct",
  "updateProduct",
  "deleteProduct",
  "reserve",
  "releaseReservation",
  "fulfillReservation",
  "recordMovement",
  "transferStock",
  "transferReturned",
]);
export type { JobContext } from "./types.ts";

/** Jobs that only read: they run without a savepoint of their own (nothing to undo). */
export const READ_JOBS = new Set<keyof HandlerTable>([
  "ping",
  "getProduct",
  "listProducts",
  "listMovements",
  "movementReport",
  "listReservations",
  "listTransfers",
  "getTransfer",
  "stockSnapshot",
  "dueTransfers",
]);
