import { Mutation } from "./mutation.ts";
import { Query } from "./query.ts";
import { DateTime, Decimal } from "../../lib/scalars.ts";
import { encodeCursor } from "../../lib/cursor.ts";

export const resolvers = {
  Query,
  Mutation,
  DateTime,
  Decimal,
  Movement: { cursor: (movement: { id: string }) => encodeCursor(Number(movement.id)) },
};
export type { NodeContext } from "./context.ts";
export { graphqlCaller } from "./context.ts";
