import { Mutation } from "./mutation.ts";
import { Query } from "./query.ts";
import { DateTime, Decimal } from "../../lib/scalars.ts";

export const resolvers = {
  Query,
  Mutation,
  DateTime,
  Decimal,
  // The job protocol says from/to; the GraphQL type names them the same, so no mapping is needed.
};
export type { NodeContext } from "./context.ts";
export { graphqlCaller } from "./context.ts";
