import { graphqlErrors, type NodeContext } from "./context.ts";

type Args = Record<string, any>;

/** Every read is one job: the worker validates and answers. */
export const Query = {
  warehouse: (_: unknown, __: Args, ctx: NodeContext) => ctx.node,
  product: (_: unknown, args: Args, ctx: NodeContext) => ctx.call("getProduct", { sku: args.sku }),
  products: (_: unknown, args: Args, ctx: NodeContext) =>
    ctx.call("listProducts", { search: args.search, first: args.first, after: args.after, includeArchived: args.includeArchived }),
  movements: (_: unknown, args: Args, ctx: NodeContext) =>
    ctx.call("listMovements", { sku: args.sku, kind: args.kind, from: args.from, to: args.to, first: args.first, after: args.after }),
  movementReport: (_: unknown, args: Args, ctx: NodeContext) =>
    ctx.call("movementReport", { from: args.from, to: args.to, sku: args.sku }),
  reservations: (_: unknown, args: Args, ctx: NodeContext) => ctx.call("listReservations", { sku: args.sku, status: args.status }),
  transfers: (_: unknown, args: Args, ctx: NodeContext) =>
    ctx.call("listTransfers", {
      status: args.status,
      direction: args.direction,
      sku: args.sku,
      updatedSince: args.updatedSince,
      receivedSince: args.receivedSince,
    }),
  transfer: (_: unknown, args: Args, ctx: NodeContext) => ctx.call("getTransfer", { id: args.id }),
  stockSnapshot: (_: unknown, args: Args, ctx: NodeContext) =>
    ctx.call("stockSnapshot", { sku: args.sku, search: args.search, receivedSince: args.receivedSince }),
  availabilityElsewhere: (_: unknown, args: Args, ctx: NodeContext) => graphqlErrors(() => ctx.transfers.availabilityElsewhere(args.sku)),
};
