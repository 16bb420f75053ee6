import { activeProduct, applyMovement } from "../domain/ledger.ts";
import { checkDelta, checkKind, checkPositiveQuantity, checkSku, checkText } from "../domain/validate.ts";
import { actorOf, type Handler } from "./types.ts";

const SIGN = { PURCHASE: 1, RETURN: 1, TRANSFER_IN: 1, SALE: -1, TRANSFER_OUT: -1 } as const;

/** Entries and exits of goods. The quantity is a positive count whose sign follows the kind; ADJUSTMENT takes a signed delta. */
export const recordMovement: Handler<"recordMovement"> = async (tx, args) => {
  const sku = checkSku(args.sku);
  const kind = checkKind(args.kind);
  const delta = kind === "ADJUSTMENT" ? checkDelta(args.quantity) : SIGN[kind] * checkPositiveQuantity(args.quantity);
  const reference = checkText(args.reference, "reference", 500);
  const counterparty = checkText(args.counterparty, "counterparty", 500);
  const product = await activeProduct(tx, sku);
  return applyMovement(tx, { product, kind, delta, reference, counterparty, actor: actorOf(args) });
};
