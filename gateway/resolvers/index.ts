import type { IResolvers } from "@graphql-tools/utils";
import { DateTime, Decimal } from "../../lib/scalars.ts";
import type { NodeSurface } from "../schema.ts";
import { inventory } from "./inventory.ts";
import { memberFieldResolvers, routedMutationResolvers } from "./member-fields.ts";
import { movementReport } from "./movement-report.ts";
import { movements } from "./movements.ts";
import { stock } from "./stock.ts";
import { transfers } from "./transfers.ts";
import { Warehouse, warehouse, warehouses } from "./warehouses.ts";

export function gatewayResolvers(surface: NodeSurface): IResolvers {
  return {
    DateTime,
    Decimal,
    Query: { warehouses, warehouse, stock, inventory, movements, movementReport, transfers },
    Warehouse: { ...Warehouse, ...memberFieldResolvers(surface.memberQueryFields) },
    Mutation: routedMutationResolvers(surface.mutationFields),
  };
}
