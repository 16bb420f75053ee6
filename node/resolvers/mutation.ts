import { graphqlErrors, type NodeContext } from "./context.ts";

type Args = Record<string, any>;

/** Every write is one job carrying the caller's idempotency key and identity. */
export const Mutation = {
  createProduct: (_: unknown, { input, idempotencyKey }: Args, ctx: NodeContext) =>
    ctx.call("createProduct", { ...input, idempotencyKey, actor: ctx.actor }),
  updateProduct: (_: unknown, { sku, input, idempotencyKey }: Args, ctx: NodeContext) =>
    ctx.call("updateProduct", { ...input, sku, idempotencyKey, actor: ctx.actor }),
  deleteProduct: (_: unknown, { sku, idempotencyKey }: Args, ctx: NodeContext) =>
    ctx.call("deleteProduct", { sku, idempotencyKey, actor: ctx.actor }),
  reserve: (_: unknown, args: Args, ctx: NodeContext) =>
    ctx.call("reserve", {
      sku: args.sku,
      quantity: args.quantity,
      reference: args.reference,
      expiresInSeconds: args.expiresInSeconds,
      idempotencyKey: args.idempotencyKey,
      actor: ctx.actor,
    }),
  releaseReservation: (_: unknown, { id, idempotencyKey }: Args, ctx: NodeContext) =>
    ctx.call("releaseReservation", { id, idempotencyKey, actor: ctx.actor }),
  fulfillReservation: (_: unknown, { id, idempotencyKey }: Args, ctx: NodeContext) =>
    ctx.call("fulfillReservation", { id, idempotencyKey, actor: ctx.actor }),
  recordMovement: (_: unknown, { input }: Args, ctx: NodeContext) => ctx.call("recordMovement", { ...input, actor: ctx.actor }),
  transferStock: (_: unknown, args: Args, ctx: NodeContext) =>
    graphqlErrors(() =>
      ctx.transfers.transferStock({
        sku: args.sku,
        quantity: args.quantity,
        to: args.to,
        reference: args.reference,
        idempotencyKey: args.idempotencyKey,
        actor: ctx.actor,
      }),
    ),
  cancelTransfer: (_: unknown, { id, idempotencyKey }: Args, ctx: NodeContext) =>
    graphqlErrors(() => ctx.transfers.cancelTransfer({ id, idempotencyKey, actor: ctx.actor })),
};
