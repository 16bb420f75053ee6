import { AppError, toGraphQLError } from "../../lib/errors.ts";
import type { JobArgs, JobName, JobResult } from "../../schema/jobs.ts";
import type { TransferService } from "../transfers/service.ts";
import { principalOf, type CurrentUser } from "../../lib/auth/use-auth.ts";

/** Who is acting, recorded on movements: the token's subject. */
export const actorOf = (ctx: NodeContext): string => principalOf(ctx)?.subject ?? "anonymous";

/** What every resolver gets: the warehouse it serves and a typed way to the db worker. */
export interface NodeContext {
  node: { id: string; name: string };
  /** Set by the auth plugin from the bearer token. */
  currentUser?: CurrentUser;
  call<K extends JobName>(name: K, args: JobArgs<K>): Promise<JobResult<K>>;
  /** Transfers and peer look-ups: they talk to other warehouses, not only to the worker. */
  transfers: TransferService;
}

export type JobCaller = <K extends JobName>(name: K, args: JobArgs<K>) => Promise<JobResult<K>>;

/** Worker errors carry our codes; here they become GraphQL errors yoga lets through unmasked. */
export function graphqlCaller(call: JobCaller): JobCaller {
  return async (name, args) => {
    try {
      return await call(name, args);
    } catch (error) {
      throw error instanceof AppError ? toGraphQLError(error) : error;
    }
  };
}

/** Runs a service call, turning its AppErrors into GraphQL errors like `graphqlCaller` does. */
export async function graphqlErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw error instanceof AppError ? toGraphQLError(error) : error;
  }
}
