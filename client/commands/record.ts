import { newIdempotencyKey } from "../api.ts";
import type { Ctx } from "../context.ts";
import { UsageError } from "../errors.ts";
import type { Movement, MovementKind } from "../types.ts";
import { defineCommand, emit, flags, need } from "./command.ts";

/** The movements people record by hand; transfers have their own command. */
export const MANUAL_KINDS = ["PURCHASE", "SALE", "RETURN", "ADJUSTMENT"] as const satisfies readonly MovementKind[];
const ALIASES: Record<string, (typeof MANUAL_KINDS)[number]> = {
  purchase: "PURCHASE", compra: "PURCHASE",
  sale: "SALE", venta: "SALE",
  return: "RETURN", devolucion: "RETURN", "devolución": "RETURN",
  adjustment: "ADJUSTMENT", adjust: "ADJUSTMENT", ajuste: "ADJUSTMENT",
};

export interface MovementInput {
  sku: string;
  kind: MovementKind;
  /** Positive; a signed, non-zero delta for ADJUSTMENT. */
  quantity: number;
  reference?: string;
  counterparty?: string;
}

/** recordMovement carries its idempotency key inside the input. */
export async function recordMovement(ctx: Ctx, warehouseId: string, input: MovementInput, idempotencyKey: string): Promise<Movement> {
  const { recordMovement } = await ctx.api.request<{ recordMovement: Movement }>("recordMovement", { warehouseId, input: { ...input, idempotencyKey } });
  return recordMovement;
}

export const recordedMessage = (ctx: Ctx, warehouseId: string, m: Movement) =>
  ctx.fmt.green(ctx.t("result.recorded", {
    kind: ctx.t(`kind.${m.kind}`), qty: ctx.fmt.signedNumber(m.quantity), sku: m.sku, warehouse: warehouseId, balance: ctx.fmt.number(m.balanceAfter),
  }));

export default defineCommand({
  name: "record",
  args: "<purchase|sale|return|adjustment> ",
  summary: "cmd.record",
  options: (t) => ({
    warehouse: flags.warehouse(t),
    sku: { type: "string", help: t("opt.sku") },
    qty: { type: "int", min: -1_000_000_000, max: 1_000_000_000, help: t("opt.adjustQty") },
    reference: flags.reference(t),
    counterparty: { type: "string", help: t("opt.counterparty") },
    key: flags.key(t),
  }),
  async run(ctx, o) {
    const [word, extra] = o.positionals;
    if (extra) throw new UsageError(ctx.t("usage.extra", { arg: extra }));
    const kind = ALIASES[(word ?? "").toLowerCase()] ?? MANUAL_KINDS.find((k) => k === word?.toUpperCase());
    if (!kind) throw new UsageError(ctx.t("usage.bad", { flag: "<kind>", problem: "purchase, sale, return, adjustment" }));
    const warehouseId = need(ctx, o.warehouse, "warehouse");
    const quantity = need(ctx, o.qty, "qty");
    if (kind === "ADJUSTMENT" ? quantity === 0 : quantity < 1)
      throw new UsageError(ctx.t("usage.bad", { flag: "--qty", problem: ctx.t(kind === "ADJUSTMENT" ? "valid.nonZero" : "valid.positive") }));
    const input = { sku: need(ctx, o.sku, "sku"), kind, quantity, reference: o.reference, counterparty: o.counterparty };
    const movement = await recordMovement(ctx, warehouseId, input, o.key ?? newIdempotencyKey());
    emit(ctx, movement, () => recordedMessage(ctx, warehouseId, movement));
  },
});
