import { actorOf, graphqlErrors, type NodeContext } from "./context.ts";

type Args = Record<string, any>;

/** Every write is one job carrying the caller's idempotency key and identity. */
export const Mutation = {
  createProduct: (_: unknown, { input, idempotencyKey }: Args, ctx: NodeContext) =>
    ctx.call("createProduct", { ...input, idempotencyKey, actor: actorOf(ctx) }),
  updateProduct: (_: unknown, { sku, input, idempotencyKey }: Args, ctx: NodeContext) =>
    ctx.call("updateProduct", { ...input, sku, idempotencyKey, actor: actorOf(ctx) }),
  deleteProduct: (_: unknown, { sku, idempotencyKey }: Args, ctx: NodeContext) =>
    ctx.call("deleteProduct", { sku, idempotencyKey, actor: actorOf(ctx) }),
  reserve: (_: unknown, args: Args, ctx: NodeContext) =>
    ctx.call("reserve", {
      sku: args.sku,
      quantity: args.quantity,
      reference: args.reference,
      expiresInSeconds: args.expiresInSeconds,
      idempotencyKey: args.idempotencyKey,
      actor: actorOf(ctx),
    }),
  releaseReservation: (_: unknown, { id, idempotencyKey }: Args, ctx: NodeContext) =>
    ctx.call("releaseReservation", { id, idempotencyKey, actor: actorOf(ctx) }),
  fulfillReservation: (_: unknown, { id, idempotencyKey }: Args, ctx: NodeContext) =>
    ctx.call("fulfillReservation", { id, idempotencyKey, actor: actorOf(ctx) }),
  recordMovement: (_: unknown, { input }: Args, ctx: NodeContext) => ctx.call("recordMovement", { ...input, actor: actorOf(ctx) }),
  transferStock: (_: unknown, args: Args, ctx: NodeContext) =>
    graphqlErrors(() =>
      ctx.transfers.transferStock({
        sku: args.sku,
        quantity: args.quantity,
        to: args.to,
        reference: args.reference,
        idempotencyKey: args.idempotencyKey,
        actor: actorOf(ctx),
      }),
    ),
  cancelTransfer: (_: unknown, { id, idempotencyKey }: Args, ctx: NodeContext) =>
    graphqlErrors(() => ctx.transfers.cancelTransfer({ id, idempotencyKey, actor: actorOf(ctx) })),
};
