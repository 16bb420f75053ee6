import type { GatewayContext } from "../context.ts";
import type { MemberView } from "../registry.ts";

export const warehouses = (_: unknown, __: unknown, ctx: GatewayContext) => ctx.registry.list();

export const warehouse = (_: unknown, args: { id: string }, ctx: GatewayContext) => ctx.registry.get(args.id);

/** The registry's fields of a Warehouse; its node fields are delegated (member-fields.ts). */
export const Warehouse = {
  lastSeen: (member: MemberView) => new Date(member.lastSeen).toISOString(),
};
